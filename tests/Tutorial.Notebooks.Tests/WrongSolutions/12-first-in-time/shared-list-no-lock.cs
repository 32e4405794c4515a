// Exercise: 12-first-in-time
// Expect: should have come back
// Cancels the rest once enough have finished and waits for them, but adds each name to a plain List<string> shared by
// every resize's continuation, with no lock: two resizes that finish at the same instant lose a name (or add a gap).
async Task<List<string>> FirstInTimeAsync(IReadOnlyList<int> imageIds, int wanted, TimeSpan budget,
    Func<int, CancellationToken, Task<string>> resize, CancellationToken cancellationToken)
{
    using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    cts.CancelAfter(budget);
    var names = new List<string>();
    var all = imageIds.Select(async id =>
    {
        try
        {
            var name = await resize(id, cts.Token);
            names.Add(name);
            if (names.Count >= wanted) cts.Cancel();
        }
        catch (OperationCanceledException) { }
    }).ToList();
    await Task.WhenAll(all);
    return names.Take(wanted).ToList();
}
