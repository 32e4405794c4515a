// Exercise: 12-first-in-time
// Expect: return as soon as you have them
// Stops the work when the budget runs out and leaves nothing running, but never stops early: with enough quick images
// it still waits out the whole budget for the slow ones.
async Task<List<string>> FirstInTimeAsync(IReadOnlyList<int> imageIds, int wanted, TimeSpan budget,
    Func<int, CancellationToken, Task<string>> resize, CancellationToken cancellationToken)
{
    using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    cts.CancelAfter(budget);
    var resizes = imageIds.Select(id => resize(id, cts.Token)).ToList();
    try { await Task.WhenAll(resizes); }
    catch (OperationCanceledException) { }
    return resizes.Where(r => r.IsCompletedSuccessfully).Select(r => r.Result).Take(wanted).ToList();
}
