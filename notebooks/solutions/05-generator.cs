// Exercise: 05-generator
ChannelReader<int> Generate(int count, int capacity, Func<int, CancellationToken, Task<int>> make, CancellationToken token)
{
    var output = Channel.CreateBounded<int>(capacity);     // bounded: the task waits while the reader is behind
    // The task is owned through its channel: its whole body is in the try, and completing the channel is its last act,
    // so nothing it throws goes unseen and the reader always learns that it ended.
    _ = Task.Run(async () =>
    {
        try
        {
            for (var id = 1; id <= count; id++)
                await output.Writer.WriteAsync(await make(id, token), token);   // the token also frees a send nobody will take
            output.Writer.Complete();
        }
        catch (Exception e)
        {
            output.Writer.Complete(e);                      // the reader meets the error after the values before it
        }
    });
    return output.Reader;
}
