// Exercise: 10-safe-cache
// Expect: callers of images 2-5 waited for it
class ThumbnailCache(Func<int, Task<string>> render)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, string> _thumbs = new();

    // C# refuses an await inside a lock (CS1996), so this blocks on .Result there instead: every other caller, whatever
    // image it wants, waits while one render runs, and a thread-pool thread is blocked meanwhile.
    public Task<string> GetAsync(int imageId)
    {
        lock (_gate)
        {
            if (!_thumbs.TryGetValue(imageId, out var thumb))
                _thumbs[imageId] = thumb = render(imageId).Result;
            return Task.FromResult(thumb);
        }
    }
}
