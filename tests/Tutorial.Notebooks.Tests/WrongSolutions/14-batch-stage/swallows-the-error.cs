// Exercise: 14-batch-stage
// Expect: ended normally
// Catches the input's failure and completes the output as if the input had simply ended: the consumer never learns
// that numbers were lost.
ChannelReader<int[]> Batch(ChannelReader<int> input, int size, CancellationToken cancellationToken)
{
    var output = Chan.Make<int[]>();
    _ = Task.Run(async () =>
    {
        try
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
        }
        catch (Exception)
        {
            // "the stage is done either way"
        }
        finally
        {
            output.Writer.TryComplete();
        }
    });
    return output.Reader;
}
