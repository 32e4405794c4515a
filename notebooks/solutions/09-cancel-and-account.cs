// Exercise: 09-cancel-and-account
async Task<(List<Result<string>> Results, List<int> NotHandedOver)> ProcessAllAsync(WorkerPool<int, string> pool, IReadOnlyList<int> imageIds, CancellationToken token)
{
    var reading = pool.Results.ToListAsync();              // read while submitting, so the workers never wait for room
    var notHandedOver = new List<int>();
    try
    {
        for (var i = 0; i < imageIds.Count; i++)
        {
            try
            {
                await pool.SubmitAsync(new Job<int>(imageIds[i], imageIds[i]), token);   // waits while the job channel is full
            }
            catch (OperationCanceledException)
            {
                notHandedOver.AddRange(imageIds.Skip(i));  // refused, and every later id never offered
                break;
            }
        }
    }
    finally
    {
        pool.Complete();                                   // close(jobs): Results ends once the workers are done (or stopped)
    }
    return (await reading, notHandedOver);                 // the rest is in pool.DeadLetters and pool.NotProcessed
}
