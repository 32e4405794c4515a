// Exercise: 11-stop-blocking
async Task<string> ThumbnailAsync(int imageId)
{
    await PreciseDelay.WaitAsync(50); // waits without holding a thread: the thread goes back to the pool until the wait is over
    return $"thumb{imageId}.png";
}
