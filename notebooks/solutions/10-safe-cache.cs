// Exercise: 10-safe-cache
class ThumbnailCache(Func<int, Task<string>> render)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Task<string>> _thumbs = new();

    // Look-up-or-start is one step under the lock, so only the first caller starts a render. The cache keeps the render's
    // Task: later callers await that same task, and the awaiting happens outside the lock, so other images are not held up.
    public Task<string> GetAsync(int imageId)
    {
        lock (_gate)
        {
            if (!_thumbs.TryGetValue(imageId, out var thumb))
                _thumbs[imageId] = thumb = render(imageId);
            return thumb;
        }
    }
}
