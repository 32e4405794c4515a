// Exercise: 03-defer-done
async Task ResizeAndReportAsync(int id, WaitGroup wg, Func<int, Task> record)
{
    try
    {
        await image.ProcessAsync(id);
        if (id == 3)
            throw new InvalidOperationException("image3.png is corrupt");
        await record(id);
    }
    finally
    {
        wg.Done();   // runs whether the work succeeded or threw: Go's `defer wg.Done()`
    }
}
