// Exercise: 02-wait-for-workers
async Task<List<(int Id, string Report)>> CollectReportsAsync(IReadOnlyList<int> ids, Func<int, Task<string>> process)
{
    // One worker per id, each returning its own report; the owner keeps every task...
    var workers = ids.Select(id => Task.Run(async () => (id, await process(id)))).ToList();
    // ...and returns only when all of them have finished: nothing outlives the call, and every report is in.
    return [.. await Task.WhenAll(workers)];
}
