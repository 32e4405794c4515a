// Exercise: 07-fan-out-images
async Task ResizeAllAsync(IReadOnlyList<int> imageIds, Func<int, Task<string>> resize, ChannelWriter<Result<string>> results)
{
    var wg = new WaitGroup();
    foreach (var id in imageIds)
        wg.Go(async () =>                                  // one task per image, all started before we wait
        {
            Result<string> outcome;
            try { outcome = Result<string>.Success(id, await resize(id)); }
            catch (Exception e) { outcome = Result<string>.Failure(id, e); } // the failure as a value
            await results.WriteAsync(outcome);
        });
    try { await wg.WaitAsync(); }                          // the closer: after the last sender...
    finally { results.Complete(); }                        // ...complete, exactly once
}
