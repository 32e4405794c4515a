// Exercise: 09-cancel-and-account
// Expect: is counted 2 times across results, dead letters, not processed and not handed over
// Reports every id without a result as not handed over: a dead-lettered or stopped job is then counted twice.
async Task<(List<Result<string>> Results, List<int> NotHandedOver)> ProcessAllAsync(WorkerPool<int, string> pool, IReadOnlyList<int> imageIds, CancellationToken token)
{
    var reading = pool.Results.ToListAsync();
    try
    {
        foreach (var id in imageIds)
            await pool.SubmitAsync(new Job<int>(id, id), token);
    }
    catch (OperationCanceledException)
    {
        // stop handing over; what did not come back is worked out below
    }
    finally
    {
        pool.Complete();
    }
    var results = await reading;
    var done = results.Select(r => r.JobId).ToHashSet();
    return (results, imageIds.Where(id => !done.Contains(id)).ToList());
}
