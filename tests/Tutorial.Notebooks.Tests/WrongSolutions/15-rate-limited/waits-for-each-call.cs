// Exercise: 15-rate-limited
// Expect: must overlap
// Spaces the calls a period apart, but awaits each call before it waits for the next start: every call costs a period
// plus its own time, and no two ever overlap.
async Task<List<string>> CallAllAsync(IReadOnlyList<int> ids, TimeSpan period, Func<int, Task<string>> call, CancellationToken cancellationToken)
{
    var replies = new List<string>();
    foreach (var id in ids)
    {
        if (replies.Count > 0)
            await PreciseDelay.WaitAsync(period, cancellationToken);
        replies.Add(await call(id));
    }
    return replies;
}
