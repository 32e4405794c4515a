// Exercise: 11-stop-blocking
// Expect: each call still has a thread of its own while it waits
Task<string> ThumbnailAsync(int imageId) => Task.Run(() =>
{
    Thread.Sleep(50); // the caller is free, but a pool thread is blocked instead: 2000 calls need 2000 threads
    return $"thumb{imageId}.png";
});
