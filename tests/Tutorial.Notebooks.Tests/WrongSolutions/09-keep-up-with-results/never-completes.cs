// Exercise: 09-keep-up-with-results
// Expect: the pool was never completed
// Reads while it submits, but never calls Complete(): every result arrives, and the reader then waits for more forever.
async Task<List<Result<string>>> ProcessAllAsync(WorkerPool<int, string> pool, IReadOnlyList<int> imageIds)
{
    var reading = pool.Results.ToListAsync();
    foreach (var id in imageIds)
        await pool.SubmitAsync(new Job<int>(id, id));
    return await reading;
}
