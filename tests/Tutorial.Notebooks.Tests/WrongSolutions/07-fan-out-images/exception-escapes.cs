// Exercise: 07-fan-out-images
// Expect: ResizeAllAsync threw InvalidOperationException
// Fans out with Task.WhenAll and completes in a finally, but a failing image's exception escapes instead of becoming a Result.
async Task ResizeAllAsync(IReadOnlyList<int> imageIds, Func<int, Task<string>> resize, ChannelWriter<Result<string>> results)
{
    try
    {
        await Task.WhenAll(imageIds.Select(async id => await results.WriteAsync(Result<string>.Success(id, await resize(id)))));
    }
    finally
    {
        results.Complete();
    }
}
