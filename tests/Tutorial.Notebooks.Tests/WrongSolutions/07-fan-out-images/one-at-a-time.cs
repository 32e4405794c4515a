// Exercise: 07-fan-out-images
// Expect: at most 1 job ever ran at the same time
// Correct outcomes and a correct close, but one image after another: nothing runs side by side.
async Task ResizeAllAsync(IReadOnlyList<int> imageIds, Func<int, Task<string>> resize, ChannelWriter<Result<string>> results)
{
    try
    {
        foreach (var id in imageIds)
        {
            try { await results.WriteAsync(Result<string>.Success(id, await resize(id))); }
            catch (Exception e) { await results.WriteAsync(Result<string>.Failure(id, e)); }
        }
    }
    finally
    {
        results.Complete();
    }
}
