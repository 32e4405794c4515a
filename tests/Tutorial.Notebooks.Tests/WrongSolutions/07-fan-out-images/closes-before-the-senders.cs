// Exercise: 07-fan-out-images
// Expect: a task your code started was still running (a leak)
// Starts one task per image and completes `results` right away: the tasks are still running (and their writes will fail).
async Task ResizeAllAsync(IReadOnlyList<int> imageIds, Func<int, Task<string>> resize, ChannelWriter<Result<string>> results)
{
    foreach (var id in imageIds)
    {
        _ = Task.Run(async () =>
        {
            try { await results.WriteAsync(Result<string>.Success(id, await resize(id))); }
            catch (Exception e) { await results.WriteAsync(Result<string>.Failure(id, e)); }
        });
    }
    results.Complete();
    await Task.CompletedTask;
}
