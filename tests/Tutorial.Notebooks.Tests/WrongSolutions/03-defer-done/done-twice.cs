// Exercise: 03-defer-done
// Expect: sync: negative WaitGroup counter
// Adds a finally but keeps the old Done() at the end of the try: every worker that succeeds calls Done() twice.
async Task ResizeAndReportAsync(int id, WaitGroup wg, Func<int, Task> record)
{
    try
    {
        await image.ProcessAsync(id);
        if (id == 3)
            throw new InvalidOperationException("image3.png is corrupt");
        await record(id);
        wg.Done();
    }
    finally
    {
        wg.Done();
    }
}
