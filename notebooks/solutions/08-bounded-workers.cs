// Exercise: 08-bounded-workers
async Task ProcessWithWorkersAsync(ChannelReader<int> imageIds, int workers, Func<int, Task<string>> process, ChannelWriter<Result<string>> results)
{
    var wg = new WaitGroup();
    for (var w = 0; w < workers; w++)
        wg.Go(async () =>                                  // a worker: takes the next id only when it is free
        {
            await foreach (var id in imageIds.ReadAllAsync())
                await results.WriteAsync(Result<string>.Success(id, await process(id)));
        });
    try { await wg.WaitAsync(); }                          // every worker has exited...
    finally { results.Complete(); }                        // ...so no result can follow: complete, once
}
