// Exercise: 12-first-in-time
// Expect: were still running when FirstInTimeAsync returned
// Returns as soon as enough have finished and trusts the `using` to clean up: Dispose() cancels nothing, so the slow
// resizes are still running when it returns.
async Task<List<string>> FirstInTimeAsync(IReadOnlyList<int> imageIds, int wanted, TimeSpan budget,
    Func<int, CancellationToken, Task<string>> resize, CancellationToken cancellationToken)
{
    using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    cts.CancelAfter(budget);
    var finished = new List<string>();
    var enough = new TaskCompletionSource();
    var resizes = imageIds.Select(async id =>
    {
        var name = await resize(id, cts.Token);
        lock (finished)
        {
            if (finished.Count < wanted)
                finished.Add(name);
            if (finished.Count == wanted)
                enough.TrySetResult();
        }
    }).ToList();
    var all = Task.WhenAll(resizes);
    await Task.WhenAny(all, enough.Task);
    _ = all.Exception;                                    // observed: the cancelled ones end there
    lock (finished)
        return [.. finished];
}
