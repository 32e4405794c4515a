// Exercise: 05-generator
// Expect: a reader cannot tell a cut-short stream from a whole one
// Passes errors on, but treats a cancel as "just stop" and completes the channel normally: the reader of a cut-short stream sees a whole one.
ChannelReader<int> Generate(int count, int capacity, Func<int, CancellationToken, Task<int>> make, CancellationToken token)
{
    var output = Channel.CreateBounded<int>(capacity);
    _ = Task.Run(async () =>
    {
        try
        {
            for (var id = 1; id <= count; id++)
                await output.Writer.WriteAsync(await make(id, token), token);
            output.Writer.Complete();
        }
        catch (OperationCanceledException)
        {
            output.Writer.Complete();                       // cancelled: stop quietly
        }
        catch (Exception e)
        {
            output.Writer.Complete(e);
        }
    });
    return output.Reader;
}
