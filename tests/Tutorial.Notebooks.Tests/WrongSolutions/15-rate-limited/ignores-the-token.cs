// Exercise: 15-rate-limited
// Expect: calls after the caller cancelled
// Spaces and overlaps the calls correctly, but never looks at the token: after the caller cancels it goes on making
// every call.
async Task<List<string>> CallAllAsync(IReadOnlyList<int> ids, TimeSpan period, Func<int, Task<string>> call, CancellationToken cancellationToken)
{
    var calls = new List<Task<string>>();
    foreach (var id in ids)
    {
        if (calls.Count > 0)
            await PreciseDelay.WaitAsync(period);
        calls.Add(call(id));
    }
    return [.. await Task.WhenAll(calls)];
}
