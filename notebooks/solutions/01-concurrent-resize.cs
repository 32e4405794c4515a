// Exercise: 01-concurrent-resize
async Task<ProcessedImage[]> ResizeAllAsync(int[] ids, Func<int, Task<ProcessedImage>> resize)
{
    // Start every job first, keeping the tasks in id order (ToList runs the Select now, not when it is enumerated)...
    var tasks = ids.Select(resize).ToList();
    // ...then wait for all of them: WhenAll returns the results in the order of the tasks, not the order they finished.
    return await Task.WhenAll(tasks);
}
