// Exercise: 05-generator
// Expect: values were made before anyone read one
// Makes every value at once, one task each, for speed: nothing bounds how many are made, and the sends race for the channel.
ChannelReader<int> Generate(int count, int capacity, Func<int, CancellationToken, Task<int>> make, CancellationToken token)
{
    var output = Channel.CreateBounded<int>(capacity);
    var sends = Enumerable.Range(1, count).Select(async id => await output.Writer.WriteAsync(await make(id, token), token));
    _ = Task.WhenAll(sends).ContinueWith(all => output.Writer.Complete(all.Exception?.InnerException), TaskScheduler.Default);
    return output.Reader;
}
