// Exercise: 06-closer
async Task<List<string>> CollectAsync(IReadOnlyList<int> imageIds, Func<int, Task<string>> resize)
{
    var results = Chan.Make<string>();                          // unbuffered: keep it so
    var senders = new WaitGroup();
    foreach (var id in imageIds)
        senders.Go(async () => await results.Writer.WriteAsync(await resize(id)));

    // The closer: waits for every sender while the loop below reads, then completes the channel.
    var closer = Task.Run(async () =>
    {
        try
        {
            await senders.WaitAsync();
        }
        finally
        {
            results.Writer.Complete();
        }
    });

    var names = new List<string>();
    await foreach (var name in results.Reader.ReadAllAsync())
        names.Add(name);
    await closer;                                               // owned: a sender's failure comes out here
    return names;
}
