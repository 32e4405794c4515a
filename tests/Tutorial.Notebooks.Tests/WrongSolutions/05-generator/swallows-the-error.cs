// Exercise: 05-generator
// Expect: threw, and the reader met a normal end
// Always completes the channel, but without the error: the reader sees a short, normal-looking sequence.
ChannelReader<int> Generate(int count, int capacity, Func<int, CancellationToken, Task<int>> make, CancellationToken token)
{
    var output = Channel.CreateBounded<int>(capacity);
    _ = Task.Run(async () =>
    {
        try
        {
            for (var id = 1; id <= count; id++)
                await output.Writer.WriteAsync(await make(id, token), token);
        }
        catch (Exception)
        {
            // nothing to see here
        }
        finally
        {
            output.Writer.Complete();
        }
    });
    return output.Reader;
}
