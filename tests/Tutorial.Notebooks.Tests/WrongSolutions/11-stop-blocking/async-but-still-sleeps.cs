// Exercise: 11-stop-blocking
// Expect: held the caller's thread
#pragma warning disable CS1998 // the point of this wrong answer: `async` alone changes nothing
async Task<string> ThumbnailAsync(int imageId)
{
    Thread.Sleep(50); // still runs on the caller's thread, before the method returns its task
    return $"thumb{imageId}.png";
}
