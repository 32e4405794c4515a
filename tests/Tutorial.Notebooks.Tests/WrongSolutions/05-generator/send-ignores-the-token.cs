// Exercise: 05-generator
// Expect: after its reader stopped reading and cancelled
// Passes the token to make but not to the send: once the reader quits, the task waits forever for room that never comes.
ChannelReader<int> Generate(int count, int capacity, Func<int, CancellationToken, Task<int>> make, CancellationToken token)
{
    var output = Channel.CreateBounded<int>(capacity);
    _ = Task.Run(async () =>
    {
        try
        {
            for (var id = 1; id <= count; id++)
                await output.Writer.WriteAsync(await make(id, token));
            output.Writer.Complete();
        }
        catch (Exception e)
        {
            output.Writer.Complete(e);
        }
    });
    return output.Reader;
}
