// Exercise: 08-stop-blocking
async Task<string> ThumbnailAsync(int imageId)
{
    await PreciseDelay.WaitAsync(50); // waits without holding a thread: the thread goes back to the pool
    return $"thumb{imageId}.png";
}
