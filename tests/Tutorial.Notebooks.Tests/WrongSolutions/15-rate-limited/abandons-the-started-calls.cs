// Exercise: 15-rate-limited
// Expect: still running when CallAllAsync ended after the cancel
// Stops starting calls when the token fires, but lets the cancellation out at once: the calls already started are
// still running, with nobody left to wait for them.
async Task<List<string>> CallAllAsync(IReadOnlyList<int> ids, TimeSpan period, Func<int, Task<string>> call, CancellationToken cancellationToken)
{
    var calls = new List<Task<string>>();
    foreach (var id in ids)
    {
        if (calls.Count > 0)
            await PreciseDelay.WaitAsync(period, cancellationToken);
        calls.Add(call(id));
    }
    return [.. await Task.WhenAll(calls)];
}
