// Exercise: 03-defer-done
// Expect: when the wait ended, the processed images were
// Done() is in a finally, but the id is recorded after it: the wait can end while the last writes are still going on.
async Task ResizeAndReportAsync(int id, WaitGroup wg, Func<int, Task> record)
{
    try
    {
        await image.ProcessAsync(id);
        if (id == 3)
            throw new InvalidOperationException("image3.png is corrupt");
    }
    finally
    {
        wg.Done();
    }
    await record(id);
}
