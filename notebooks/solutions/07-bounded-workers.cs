// Exercise: 07-bounded-workers
async Task<List<Result<string>>> ProcessWithWorkersAsync(IReadOnlyList<int> imageIds, int workers, Func<int, Task<string>> process)
{
    var jobs = Chan.Make<int>(imageIds.Count);
    var results = Chan.Make<Result<string>>(imageIds.Count);
    var wg = new WaitGroup();

    // A fixed number of workers, each taking the next job until the job channel is closed and empty.
    for (var w = 0; w < workers; w++)
    {
        wg.Add(1);
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var id in jobs.Reader.ReadAllAsync())
                {
                    try
                    {
                        await results.Writer.WriteAsync(Result<string>.Success(id, await process(id)));
                    }
                    catch (Exception e)
                    {
                        await results.Writer.WriteAsync(Result<string>.Failure(id, e));
                    }
                }
            }
            finally
            {
                wg.Done();
            }
        });
    }

    foreach (var id in imageIds)
        await jobs.Writer.WriteAsync(id);
    jobs.Writer.Complete(); // close(jobs): without it the workers would wait forever

    _ = Task.Run(async () => { await wg.WaitAsync(); results.Writer.Complete(); }); // the closer

    var collected = new List<Result<string>>();
    await foreach (var result in results.Reader.ReadAllAsync())
        collected.Add(result);
    return collected;
}
