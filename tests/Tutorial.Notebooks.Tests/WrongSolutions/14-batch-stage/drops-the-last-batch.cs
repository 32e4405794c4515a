// Exercise: 14-batch-stage
// Expect: in batches of 3 should give [1, 2, 3] [4, 5, 6] [7]
// Sends every full batch, but forgets the shorter one left in hand when the input ends.
ChannelReader<int[]> Batch(ChannelReader<int> input, int size, CancellationToken cancellationToken) => Stage<int[]>(async output =>
{
    var batch = new List<int>(size);
    await foreach (var n in input.ReadAllAsync(cancellationToken))
    {
        batch.Add(n);
        if (batch.Count == size)
        {
            await output.WriteAsync([.. batch], cancellationToken);
            batch.Clear();
        }
    }
});
