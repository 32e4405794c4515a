// Exercise: 02-wait-for-workers
// Expect: a task your code started was still running (a leak)
// Task.Factory.StartNew with an async lambda returns a Task<Task>: the outer task completes at the worker's first await,
// so WhenAll over the outer tasks returns while the work itself is still running.
async Task<List<(int Id, string Report)>> CollectReportsAsync(IReadOnlyList<int> ids, Func<int, Task<string>> process)
{
    var reports = new ConcurrentQueue<(int Id, string Report)>();
    var workers = ids.Select(id => Task.Factory.StartNew(async () => reports.Enqueue((id, await process(id))))).ToList();
    await Task.WhenAll(workers);
    return reports.ToList();
}
