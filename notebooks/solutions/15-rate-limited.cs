// Exercise: 15-rate-limited
async Task<List<string>> CallAllAsync(IReadOnlyList<int> ids, TimeSpan period, Func<int, Task<string>> call, CancellationToken cancellationToken)
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var nextStart = TimeSpan.Zero;                                  // the earliest moment the next call may start
    var calls = new List<Task<string>>();
    try
    {
        foreach (var id in ids)
        {
            var wait = nextStart - clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await PreciseDelay.WaitAsync(wait, cancellationToken); // never ends early, so no gap is short
            cancellationToken.ThrowIfCancellationRequested();
            calls.Add(call(id));                                     // keep the task: the call goes on while we wait for the next start
            nextStart = clock.Elapsed + period;                      // noted once the call has started, so no gap comes out short
        }
    }
    catch (OperationCanceledException)
    {
        await Task.WhenAll(calls);                                   // own what was started: let it finish, then stop
        throw;
    }
    return [.. await Task.WhenAll(calls)];
}
