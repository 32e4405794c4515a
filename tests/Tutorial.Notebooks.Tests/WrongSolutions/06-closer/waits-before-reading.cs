// Exercise: 06-closer
// Expect: did not finish within
// Waits for the senders before it reads: on an unbuffered channel every sender waits for a reader, so nobody moves.
async Task<List<string>> CollectAsync(IReadOnlyList<int> imageIds, Func<int, Task<string>> resize)
{
    var results = Chan.Make<string>();
    var senders = new WaitGroup();
    foreach (var id in imageIds)
        senders.Go(async () => await results.Writer.WriteAsync(await resize(id)));

    await senders.WaitAsync();
    results.Writer.Complete();

    var names = new List<string>();
    await foreach (var name in results.Reader.ReadAllAsync())
        names.Add(name);
    return names;
}
