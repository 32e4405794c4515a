// Exercise: 09-keep-up-with-results
async Task<List<Result<string>>> ProcessAllAsync(WorkerPool<int, string> pool, IReadOnlyList<int> imageIds)
{
    var reading = pool.Results.ToListAsync();              // the reader runs while we submit, so the workers never wait for room
    try
    {
        foreach (var id in imageIds)
            await pool.SubmitAsync(new Job<int>(id, id));  // waits while the one-slot job channel is full: backpressure
    }
    finally
    {
        pool.Complete();                                   // close(jobs): the workers drain the queue, then Results ends
    }
    return await reading;
}
