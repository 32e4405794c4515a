// Exercise: 08-bounded-workers
// Expect: before a worker is free
// A dispatcher hands the ids to the workers through a channel of its own: while it waits for a free worker, it already holds the next id.
async Task ProcessWithWorkersAsync(ChannelReader<int> imageIds, int workers, Func<int, Task<string>> process, ChannelWriter<Result<string>> results)
{
    var handOff = Chan.Make<int>();                        // unbuffered: a worker gets an id only when it is free
    var wg = new WaitGroup();
    for (var w = 0; w < workers; w++)
        wg.Go(async () =>
        {
            await foreach (var id in handOff.Reader.ReadAllAsync())
                await results.WriteAsync(Result<string>.Success(id, await process(id)));
        });
    await foreach (var id in imageIds.ReadAllAsync())      // taken here, before any worker is free for it
        await handOff.Writer.WriteAsync(id);
    handOff.Writer.Complete();
    try { await wg.WaitAsync(); }
    finally { results.Complete(); }
}
