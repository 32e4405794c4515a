// Exercise: 05-generator
// Expect: values were made before anyone read one, but the channel may hold only
// Ignores the capacity: an unbounded channel never makes the task wait, so it runs ahead of a slow reader without limit.
ChannelReader<int> Generate(int count, int capacity, Func<int, CancellationToken, Task<int>> make, CancellationToken token)
{
    var output = Channel.CreateUnbounded<int>();
    _ = Task.Run(async () =>
    {
        try
        {
            for (var id = 1; id <= count; id++)
                await output.Writer.WriteAsync(await make(id, token), token);
            output.Writer.Complete();
        }
        catch (Exception e)
        {
            output.Writer.Complete(e);
        }
    });
    return output.Reader;
}
