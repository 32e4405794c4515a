// Exercise: 05-generator
// Expect: did not finish within 3 s
// Completes the channel only when every value was made: when make throws, the task ends with the error and the reader waits forever.
ChannelReader<int> Generate(int count, int capacity, Func<int, CancellationToken, Task<int>> make, CancellationToken token)
{
    var output = Channel.CreateBounded<int>(capacity);
    _ = Task.Run(async () =>
    {
        for (var id = 1; id <= count; id++)
            await output.Writer.WriteAsync(await make(id, token), token);
        output.Writer.Complete();
    });
    return output.Reader;
}
