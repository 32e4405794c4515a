// Exercise: 01-concurrent-resize
// Expect: in that order, got
// Concurrent, but each result is collected when its job finishes: the shortest job comes first, not the first id.
using System.Collections.Concurrent;

async Task<ProcessedImage[]> ResizeAllAsync(int[] ids, Func<int, Task<ProcessedImage>> resize)
{
    var results = new ConcurrentQueue<ProcessedImage>();
    await Task.WhenAll(ids.Select(async id => results.Enqueue(await resize(id))));
    return results.ToArray();
}
