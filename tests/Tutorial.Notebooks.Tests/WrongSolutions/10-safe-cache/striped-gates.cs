// Exercise: 10-safe-cache
// Expect: callers of images 2-5 waited for it
class ThumbnailCache(Func<int, Task<string>> render)
{
    // Two gates instead of one, so images with different parity render side by side; images that share a gate still wait
    // for each other's renders (found by a fresh-eyes review: it passed the old check, which only asked for some overlap).
    private readonly SemaphoreSlim[] _gates = [new(1, 1), new(1, 1)];
    private readonly Dictionary<int, string> _thumbs = new();

    public async Task<string> GetAsync(int imageId)
    {
        var gate = _gates[imageId % 2];
        await gate.WaitAsync();
        try
        {
            lock (_thumbs)
                if (_thumbs.TryGetValue(imageId, out var cached))
                    return cached;
            var thumb = await render(imageId);
            lock (_thumbs)
                _thumbs[imageId] = thumb;
            return thumb;
        }
        finally
        {
            gate.Release();
        }
    }
}
