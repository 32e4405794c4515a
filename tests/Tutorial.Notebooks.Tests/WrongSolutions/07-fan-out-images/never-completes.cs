// Exercise: 07-fan-out-images
// Expect: was never completed
// Fans out and sends every outcome, but never completes `results`: the reader's loop waits forever.
async Task ResizeAllAsync(IReadOnlyList<int> imageIds, Func<int, Task<string>> resize, ChannelWriter<Result<string>> results)
{
    var wg = new WaitGroup();
    foreach (var id in imageIds)
        wg.Go(async () =>
        {
            Result<string> outcome;
            try { outcome = Result<string>.Success(id, await resize(id)); }
            catch (Exception e) { outcome = Result<string>.Failure(id, e); }
            await results.WriteAsync(outcome);
        });
    await wg.WaitAsync();
}
