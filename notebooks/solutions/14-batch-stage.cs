// Exercise: 14-batch-stage
ChannelReader<int[]> Batch(ChannelReader<int> input, int size, CancellationToken cancellationToken) => Stage<int[]>(async output =>
{
    // Stage (above) owns the task and completes the output in a finally, with the error or the cancellation.
    var batch = new List<int>(size);
    await foreach (var n in input.ReadAllAsync(cancellationToken))
    {
        batch.Add(n);
        if (batch.Count == size)
        {
            await output.WriteAsync([.. batch], cancellationToken); // a full batch goes out at once
            batch.Clear();
        }
    }
    if (batch.Count > 0)
        await output.WriteAsync([.. batch], cancellationToken);     // the last, shorter batch
});
