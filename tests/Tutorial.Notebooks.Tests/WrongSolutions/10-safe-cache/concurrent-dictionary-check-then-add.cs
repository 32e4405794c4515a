// Exercise: 10-safe-cache
// Expect: callers that missed the cache at the same moment each rendered it
using System.Collections.Concurrent;

class ThumbnailCache(Func<int, Task<string>> render)
{
    private readonly ConcurrentDictionary<int, string> _thumbs = new();

    // A thread-safe collection, used as check-then-act: every caller that misses renders.
    public async Task<string> GetAsync(int imageId)
    {
        if (_thumbs.TryGetValue(imageId, out var cached))
            return cached;
        var thumb = await render(imageId);
        _thumbs.TryAdd(imageId, thumb);
        return thumb;
    }
}
