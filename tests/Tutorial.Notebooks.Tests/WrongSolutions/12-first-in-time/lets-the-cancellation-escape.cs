// Exercise: 12-first-in-time
// Expect: your code threw TaskCanceledException
// Cancels the rest when enough have finished, but then awaits them without expecting the cancellation it caused:
// the caller gets an exception instead of the names.
async Task<List<string>> FirstInTimeAsync(IReadOnlyList<int> imageIds, int wanted, TimeSpan budget,
    Func<int, CancellationToken, Task<string>> resize, CancellationToken cancellationToken)
{
    using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    cts.CancelAfter(budget);
    var finished = new List<string>();
    var resizes = imageIds.Select(async id =>
    {
        var name = await resize(id, cts.Token);
        lock (finished)
        {
            if (finished.Count == wanted)
                return;
            finished.Add(name);
            if (finished.Count < wanted)
                return;
        }
        cts.Cancel();
    }).ToList();
    try { await Task.WhenAll(resizes); }
    finally { cts.Cancel(); }
    lock (finished)
        return [.. finished];
}
