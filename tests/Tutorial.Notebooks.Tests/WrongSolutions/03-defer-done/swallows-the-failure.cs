// Exercise: 03-defer-done
// Expect: image 3 should still fail
// Calls Done() in a finally, but also catches the corrupt image's exception: the wait completes, and the failure is gone.
async Task ResizeAndReportAsync(int id, WaitGroup wg, Func<int, Task> record)
{
    try
    {
        await image.ProcessAsync(id);
        if (id == 3)
            throw new InvalidOperationException("image3.png is corrupt");
        await record(id);
    }
    catch (InvalidOperationException)
    {
        // swallowed
    }
    finally
    {
        wg.Done();
    }
}
