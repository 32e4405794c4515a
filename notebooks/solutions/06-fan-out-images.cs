// Exercise: 06-fan-out-images
async Task<List<Result<string>>> ProcessAllAsync(IReadOnlyList<int> imageIds, Func<int, Task<string>> process)
{
    // Fan out: one task per image, all started before any is awaited.
    var results = Chan.Make<Result<string>>(imageIds.Count);
    var wg = new WaitGroup();
    foreach (var id in imageIds)
    {
        wg.Add(1);
        _ = Task.Run(async () =>
        {
            try
            {
                results.Writer.TryWrite(Result<string>.Success(id, await process(id)));
            }
            catch (Exception e)
            {
                results.Writer.TryWrite(Result<string>.Failure(id, e)); // the error travels as a value
            }
            finally
            {
                wg.Done();
            }
        });
    }
    // The closer: complete the channel once every task has written its result.
    _ = Task.Run(async () => { await wg.WaitAsync(); results.Writer.Complete(); });

    // Fan in: read until the closer has completed the channel.
    var collected = new List<Result<string>>();
    await foreach (var result in results.Reader.ReadAllAsync())
        collected.Add(result);
    return collected;
}
