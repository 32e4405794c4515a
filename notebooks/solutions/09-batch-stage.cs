// Exercise: 09-batch-stage
ChannelReader<int[]> Batch(ChannelReader<int> input, int size)
{
    var output = Chan.Make<int[]>();
    _ = Task.Run(async () =>
    {
        try
        {
            var batch = new List<int>(size);
            await foreach (var item in input.ReadAllAsync())
            {
                batch.Add(item);
                if (batch.Count == size)
                {
                    await output.Writer.WriteAsync(batch.ToArray()); // a full batch goes out at once
                    batch.Clear();
                }
            }
            if (batch.Count > 0)
                await output.Writer.WriteAsync(batch.ToArray());     // the last, shorter batch
            output.Writer.Complete();
        }
        catch (Exception e)
        {
            output.Writer.Complete(e);                              // pass a failure downstream
        }
    });
    return output.Reader;
}
