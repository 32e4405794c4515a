// Exercise: 14-batch-stage
// Expect: it runs ahead without bound
// Batches correctly, passes the token on and completes its output with the error, but its output is unbounded and it
// sends with TryWrite: the stage never waits for its consumer and reads its input as fast as it comes.
ChannelReader<int[]> Batch(ChannelReader<int> input, int size, CancellationToken cancellationToken)
{
    var output = Channel.CreateUnbounded<int[]>();
    _ = Task.Run(async () =>
    {
        Exception? error = null;
        try
        {
            var batch = new List<int>(size);
            await foreach (var n in input.ReadAllAsync(cancellationToken))
            {
                batch.Add(n);
                if (batch.Count == size) { output.Writer.TryWrite([.. batch]); batch.Clear(); }
            }
            if (batch.Count > 0) output.Writer.TryWrite([.. batch]);
        }
        catch (Exception e) { error = e; }
        finally { output.Writer.TryComplete(error); }
    });
    return output.Reader;
}
