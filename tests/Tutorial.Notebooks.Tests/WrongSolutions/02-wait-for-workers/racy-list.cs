// Exercise: 02-wait-for-workers
// Expect: its result never came back
// Owns every task and waits for all of them, but the workers add to a plain List<T>, which is not safe for several
// threads at once: two workers that add at the same moment can write the same slot, and one report is lost.
async Task<List<(int Id, string Report)>> CollectReportsAsync(IReadOnlyList<int> ids, Func<int, Task<string>> process)
{
    var reports = new List<(int Id, string Report)>(ids.Count); // room for all: no resize, so the race loses reports silently
    var workers = ids.Select(id => Task.Run(async () => reports.Add((id, await process(id))))).ToList();
    await Task.WhenAll(workers);
    return reports;
}
