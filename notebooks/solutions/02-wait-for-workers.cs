// Exercise: 02-wait-for-workers
async Task<List<string>> CollectReportsAsync(int workers)
{
    var reports = new ConcurrentQueue<string>();
    var running = new List<Task>();
    for (var id = 1; id <= workers; id++)
    {
        var workerId = id;
        running.Add(Task.Run(async () =>              // launch, and keep the handle
        {
            var resized = await image.ProcessAsync(workerId);
            reports.Enqueue($"worker {workerId}: {resized}");
        }));
    }
    await Task.WhenAll(running);                      // wait for every worker before reporting
    return reports.ToList();
}
