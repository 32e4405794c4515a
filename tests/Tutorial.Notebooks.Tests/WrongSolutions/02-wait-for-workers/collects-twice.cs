// Exercise: 02-wait-for-workers
// Expect: result came back twice
// Keeps the shared queue of the starter and also takes what Task.WhenAll returns: every report is handed back twice.
async Task<List<(int Id, string Report)>> CollectReportsAsync(IReadOnlyList<int> ids, Func<int, Task<string>> process)
{
    var reports = new ConcurrentQueue<(int Id, string Report)>();
    var workers = ids.Select(id => Task.Run(async () =>
    {
        var report = (id, await process(id));
        reports.Enqueue(report);
        return report;
    })).ToList();
    var returned = await Task.WhenAll(workers);
    return [.. reports, .. returned];
}
