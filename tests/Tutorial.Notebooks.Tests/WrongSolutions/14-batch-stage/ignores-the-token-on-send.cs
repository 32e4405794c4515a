// Exercise: 14-batch-stage
// Expect: was not completed within 1 s after its reader stopped reading
// Stops reading when the token fires, but its sends do not take the token: once the consumer has quit, the stage waits
// forever to hand over a batch nobody will take, and its output never completes.
ChannelReader<int[]> Batch(ChannelReader<int> input, int size, CancellationToken cancellationToken) => Stage<int[]>(async output =>
{
    var batch = new List<int>(size);
    await foreach (var n in input.ReadAllAsync(cancellationToken))
    {
        batch.Add(n);
        if (batch.Count == size)
        {
            await output.WriteAsync([.. batch]);
            batch.Clear();
        }
    }
    if (batch.Count > 0)
        await output.WriteAsync([.. batch]);
});
