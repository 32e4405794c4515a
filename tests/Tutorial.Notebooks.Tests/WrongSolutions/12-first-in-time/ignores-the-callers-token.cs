// Exercise: 12-first-in-time
// Expect: of the caller cancelling its token
// Stops on the budget and when enough have finished, but its source is not linked to the caller's token: a cancel from
// outside changes nothing until the budget runs out.
async Task<List<string>> FirstInTimeAsync(IReadOnlyList<int> imageIds, int wanted, TimeSpan budget,
    Func<int, CancellationToken, Task<string>> resize, CancellationToken cancellationToken)
{
    using var cts = new CancellationTokenSource(budget);
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
    catch (OperationCanceledException) { }
    finally { cts.Cancel(); }
    lock (finished)
        return [.. finished];
}
