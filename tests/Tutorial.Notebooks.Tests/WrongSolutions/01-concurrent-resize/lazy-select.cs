// Exercise: 01-concurrent-resize
// Expect: images being resized at the same moment: at most 1 of 5
// Looks concurrent, but the Select is lazy: each job starts only when the loop reaches it, after the previous one ended.
async Task<ProcessedImage[]> ResizeAllAsync(int[] ids, Func<int, Task<ProcessedImage>> resize)
{
    var tasks = ids.Select(id => resize(id));
    var results = new List<ProcessedImage>();
    foreach (var task in tasks)
        results.Add(await task);
    return results.ToArray();
}
