// Exercise: 15-rate-limited
// Expect: but at most 1 may start per 20 ms
// Waits with Task.Delay(period) between starts and owns the calls, but Task.Delay is a timer on the coarse clock: it
// can end up to a step early, so two calls start closer together than the period.
async Task<List<string>> CallAllAsync(IReadOnlyList<int> ids, TimeSpan period, Func<int, Task<string>> call, CancellationToken cancellationToken)
{
    var calls = new List<Task<string>>();
    try
    {
        foreach (var id in ids)
        {
            if (calls.Count > 0) await Task.Delay(period, cancellationToken);
            calls.Add(call(id));
        }
    }
    catch (OperationCanceledException) { await Task.WhenAll(calls); throw; }
    return [.. await Task.WhenAll(calls)];
}
