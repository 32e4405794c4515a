// Exercise: 09-keep-up-with-results
// Expect: ChannelClosedException
// Expects one result per id, but a dead-lettered job has none: once the pool completes, the last ReadAsync finds Results closed.
async Task<List<Result<string>>> ProcessAllAsync(WorkerPool<int, string> pool, IReadOnlyList<int> imageIds)
{
    var reading = Task.Run(async () =>
    {
        var results = new List<Result<string>>();
        for (var i = 0; i < imageIds.Count; i++)
            results.Add(await pool.Results.ReadAsync());
        return results;
    });
    foreach (var id in imageIds)
        await pool.SubmitAsync(new Job<int>(id, id));
    pool.Complete();
    return await reading;
}
