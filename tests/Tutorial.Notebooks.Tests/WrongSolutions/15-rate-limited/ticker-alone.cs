// Exercise: 15-rate-limited
// Expect: but at most 1 may start per 20 ms
// Spaces the calls with a PeriodicTimer alone and owns them, but a ticker catches up after a late start: the tick it
// missed comes at once, so the next two calls start closer together than the period.
async Task<List<string>> CallAllAsync(IReadOnlyList<int> ids, TimeSpan period, Func<int, Task<string>> call, CancellationToken cancellationToken)
{
    using var ticker = new PeriodicTimer(period);
    var calls = new List<Task<string>>();
    try
    {
        foreach (var id in ids)
        {
            if (calls.Count > 0) await ticker.WaitForNextTickAsync(cancellationToken);
            calls.Add(call(id));
        }
    }
    catch (OperationCanceledException) { await Task.WhenAll(calls); throw; }
    return [.. await Task.WhenAll(calls)];
}
