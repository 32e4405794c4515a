// Exercise: 02-wait-for-workers
// Expect: at most 1 job ever ran at the same time
// Every report arrives and nothing leaks, but each worker is awaited before the next one starts: no two ever overlap.
async Task<List<(int Id, string Report)>> CollectReportsAsync(IReadOnlyList<int> ids, Func<int, Task<string>> process)
{
    var reports = new List<(int Id, string Report)>();
    foreach (var id in ids)
        reports.Add((id, await Task.Run(() => process(id))));
    return reports;
}
