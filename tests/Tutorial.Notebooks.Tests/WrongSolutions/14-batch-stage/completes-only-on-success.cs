// Exercise: 14-batch-stage
// Expect: was not completed within 1 s of the end of its input, which failed
// Completes its output after the loop, but not when the loop throws: when the input fails, the stage's task ends with
// an exception nobody sees, and the consumer waits forever for the end.
ChannelReader<int[]> Batch(ChannelReader<int> input, int size, CancellationToken cancellationToken)
{
    var output = Chan.Make<int[]>();
    _ = Task.Run(async () =>
    {
        var batch = new List<int>(size);
        await foreach (var n in input.ReadAllAsync(cancellationToken))
        {
            batch.Add(n);
            if (batch.Count == size)
            {
                await output.Writer.WriteAsync([.. batch], cancellationToken);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
            await output.Writer.WriteAsync([.. batch], cancellationToken);
        output.Writer.Complete();
    });
    return output.Reader;
}
