// Exercise: 08-bounded-workers
// Expect: items at once
// Bounded workers, but every id is read into a list first: the ids pile up in memory instead of waiting in the channel.
async Task ProcessWithWorkersAsync(ChannelReader<int> imageIds, int workers, Func<int, Task<string>> process, ChannelWriter<Result<string>> results)
{
    var all = await imageIds.ToListAsync();
    var queue = new System.Collections.Concurrent.ConcurrentQueue<int>(all);
    var wg = new WaitGroup();
    for (var w = 0; w < workers; w++)
        wg.Go(async () =>
        {
            while (queue.TryDequeue(out var id))
                await results.WriteAsync(Result<string>.Success(id, await process(id)));
        });
    try { await wg.WaitAsync(); }
    finally { results.Complete(); }
}
