// Exercise: 11-stop-blocking
// Expect: each call still has a thread of its own while it waits
Task<string> ThumbnailAsync(int imageId) =>
    // A thread of its own per call (LongRunning), so the thread pool does not starve: it returns at once, and 2000 calls
    // finish in well under a second, but they started hundreds of threads (found by a fresh-eyes review: it passed the
    // old check, whose stopwatch started after all 2000 calls had been made). Where making
    // threads is slow the count stays low, and the 2000 calls are then caught taking far longer than one round.
    Task.Factory.StartNew(() =>
    {
        Thread.Sleep(50);
        return $"thumb{imageId}.png";
    }, TaskCreationOptions.LongRunning);
