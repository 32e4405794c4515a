// Exercise: 09-cancel-and-account
// Expect: the pool was never completed
// Reads while it submits and handles the cancel, but never calls Complete(): without a cancel, Results never ends.
async Task<(List<Result<string>> Results, List<int> NotHandedOver)> ProcessAllAsync(WorkerPool<int, string> pool, IReadOnlyList<int> imageIds, CancellationToken token)
{
    var reading = pool.Results.ToListAsync();
    var notHandedOver = new List<int>();
    for (var i = 0; i < imageIds.Count; i++)
    {
        try
        {
            await pool.SubmitAsync(new Job<int>(imageIds[i], imageIds[i]), token);
        }
        catch (OperationCanceledException)
        {
            notHandedOver.AddRange(imageIds.Skip(i));
            break;
        }
    }
    return (await reading, notHandedOver);
}
