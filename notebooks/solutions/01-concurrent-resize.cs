// Exercise: 01-concurrent-resize
async Task<ProcessedImage[]> ResizeAllAsync(int[] ids)
{
    // Start every job first (calling ProcessAsync starts it), keeping the tasks in id order...
    var tasks = ids.Select(id => image.ProcessAsync(id).AsTask()).ToList();
    // ...then wait for all of them; WhenAll returns the results in the order of the tasks.
    return await Task.WhenAll(tasks);
}
