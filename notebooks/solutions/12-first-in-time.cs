// Exercise: 12-first-in-time
async Task<List<string>> FirstInTimeAsync(IReadOnlyList<int> imageIds, int wanted, TimeSpan budget,
    Func<int, CancellationToken, Task<string>> resize, CancellationToken cancellationToken)
{
    using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken); // the caller can still stop us
    cts.CancelAfter(budget);                                                          // context.WithTimeout(ctx, budget)
    var finished = new List<string>();
    var resizes = imageIds.Select(async id =>
    {
        var name = await resize(id, cts.Token);
        lock (finished)
        {
            if (finished.Count == wanted)
                return;                                   // a late finisher: not needed
            finished.Add(name);
            if (finished.Count < wanted)
                return;
        }
        cts.Cancel();                                     // the last one we need: stop the others
    }).ToList();
    try
    {
        await Task.WhenAll(resizes);                      // every resize has ended, finished or cancelled
    }
    catch (OperationCanceledException)
    {
        // Enough, out of time, or cancelled by the caller: what finished is the answer.
    }
    finally
    {
        cts.Cancel();                                     // defer cancel()
    }
    lock (finished)
        return [.. finished];
}
