// Exercise: 09-cancel-and-account
// Expect: is in none of the four places
// Counts the id whose SubmitAsync was cancelled as handed over: it is in no list at all.
async Task<(List<Result<string>> Results, List<int> NotHandedOver)> ProcessAllAsync(WorkerPool<int, string> pool, IReadOnlyList<int> imageIds, CancellationToken token)
{
    var reading = pool.Results.ToListAsync();
    var notHandedOver = new List<int>();
    try
    {
        for (var i = 0; i < imageIds.Count; i++)
        {
            try
            {
                await pool.SubmitAsync(new Job<int>(imageIds[i], imageIds[i]), token);
            }
            catch (OperationCanceledException)
            {
                notHandedOver.AddRange(imageIds.Skip(i + 1));   // the ids after the one that was being submitted
                break;
            }
        }
    }
    finally
    {
        pool.Complete();
    }
    return (await reading, notHandedOver);
}
