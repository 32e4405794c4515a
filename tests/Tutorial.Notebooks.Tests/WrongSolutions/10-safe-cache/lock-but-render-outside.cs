// Exercise: 10-safe-cache
// Expect: callers that missed the cache at the same moment each rendered it
class ThumbnailCache(Func<int, Task<string>> render)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, string> _thumbs = new();

    // The Dictionary is safe now, but look-up and store are two separate steps with the render between them.
    public async Task<string> GetAsync(int imageId)
    {
        lock (_gate)
        {
            if (_thumbs.TryGetValue(imageId, out var cached))
                return cached;
        }
        var thumb = await render(imageId);
        lock (_gate)
            _thumbs[imageId] = thumb;
        return thumb;
    }
}
