// Exercise: 10-safe-cache
class ThumbnailCache(Func<int, Task<string>> render)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Lazy<Task<string>>> _thumbs = new();

    // Look-up-or-add is one step under the lock, so every caller of an image gets the same entry. The entry is a Lazy of the
    // render's Task: the first caller to ask for its Value starts the render, outside the lock, and Lazy makes sure only one
    // does; everyone awaits that same task, so latecomers wait for the render already running and other images never wait.
    public Task<string> GetAsync(int imageId)
    {
        Lazy<Task<string>>? entry;
        lock (_gate)
        {
            if (!_thumbs.TryGetValue(imageId, out entry))
                _thumbs[imageId] = entry = new(() => render(imageId));
        }
        return entry.Value;
    }
}
