// Exercise: 05-closer
async Task<List<string>> ResizeAllAsync(int[] imageIds)
{
    var results = Chan.Make<string>(); // unbuffered
    var wg = new WaitGroup();
    foreach (var id in imageIds)
    {
        wg.Add(1);
        _ = Task.Run(async () =>
        {
            try
            {
                await PreciseDelay.WaitAsync(20);
                await results.Writer.WriteAsync($"image{id}.png");
            }
            finally
            {
                wg.Done();
            }
        });
    }

    // The closer: its own task, so that it waits while the loop below reads.
    _ = Task.Run(async () =>
    {
        await wg.WaitAsync();
        results.Writer.Complete();
    });

    var collected = new List<string>();
    await foreach (var name in results.Reader.ReadAllAsync())
        collected.Add(name);
    return collected;
}
