// Exercise: 08-bounded-workers
// Expect: (a leak)
// Completes `results` and returns as soon as the first worker exits: the other workers are still processing their last ids.
async Task ProcessWithWorkersAsync(ChannelReader<int> imageIds, int workers, Func<int, Task<string>> process, ChannelWriter<Result<string>> results)
{
    var running = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
    {
        await foreach (var id in imageIds.ReadAllAsync())
            await results.WriteAsync(Result<string>.Success(id, await process(id)));
    })).ToList();
    await Task.WhenAny(running);
    results.Complete();
}
