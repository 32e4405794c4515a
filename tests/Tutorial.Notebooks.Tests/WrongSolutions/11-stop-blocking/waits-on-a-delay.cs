// Exercise: 11-stop-blocking
// Expect: held the caller's thread
Task<string> ThumbnailAsync(int imageId)
{
    Task.Delay(50).Wait(); // sync over async: the caller's thread waits for the timer
    return Task.FromResult($"thumb{imageId}.png");
}
