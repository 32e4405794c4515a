// Exercise: 10-safe-cache
// Expect: callers of images 2-5 waited for it
class ThumbnailCache(Func<int, Task<string>> render)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<int, string> _thumbs = new();

    // Correct counts, but the semaphore is held across the render: every caller queues behind whichever image renders now.
    public async Task<string> GetAsync(int imageId)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_thumbs.TryGetValue(imageId, out var thumb))
                _thumbs[imageId] = thumb = await render(imageId);
            return thumb;
        }
        finally
        {
            _gate.Release();
        }
    }
}
