// Exercise: 03-defer-done
// Expect: when the wait ended, the processed images were
// Go writes `defer wg.Done()` as a worker's first line, so this calls Done() first: the wait ends before any work is done.
async Task ResizeAndReportAsync(int id, WaitGroup wg, Func<int, Task> record)
{
    wg.Done();
    await image.ProcessAsync(id);
    if (id == 3)
        throw new InvalidOperationException("image3.png is corrupt");
    await record(id);
}
