// Exercise: 08-bounded-workers
// Expect: was never completed
// A correct pool that forgets to complete `results`: its reader waits forever.
async Task ProcessWithWorkersAsync(ChannelReader<int> imageIds, int workers, Func<int, Task<string>> process, ChannelWriter<Result<string>> results)
{
    var wg = new WaitGroup();
    for (var w = 0; w < workers; w++)
        wg.Go(async () =>
        {
            await foreach (var id in imageIds.ReadAllAsync())
                await results.WriteAsync(Result<string>.Success(id, await process(id)));
        });
    await wg.WaitAsync();
}
