// Exercise: 08-bounded-workers
// Expect: was never processed
// Workers loop on TryRead, which returns false whenever the channel is empty for a moment: they exit early and ids are lost.
async Task ProcessWithWorkersAsync(ChannelReader<int> imageIds, int workers, Func<int, Task<string>> process, ChannelWriter<Result<string>> results)
{
    var wg = new WaitGroup();
    for (var w = 0; w < workers; w++)
        wg.Go(async () =>
        {
            while (imageIds.TryRead(out var id))
                await results.WriteAsync(Result<string>.Success(id, await process(id)));
        });
    try { await wg.WaitAsync(); }
    finally { results.Complete(); }
}
