// Exercise: 06-closer
// Expect: still running
// Closes the channel right after starting the senders: the loop ends at once, the senders' writes fail, and the
// resizes are still running when the method returns.
async Task<List<string>> CollectAsync(IReadOnlyList<int> imageIds, Func<int, Task<string>> resize)
{
    var results = Chan.Make<string>();
    var senders = new WaitGroup();
    foreach (var id in imageIds)
        senders.Go(async () => await results.Writer.WriteAsync(await resize(id)));
    results.Writer.Complete();

    var names = new List<string>();
    await foreach (var name in results.Reader.ReadAllAsync())
        names.Add(name);
    return names;
}
