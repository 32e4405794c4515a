using System.Collections.Concurrent;
using System.Threading.Channels;

using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Exercises;

/// <summary>
/// Answers to a "write a worker pool" exercise: <c>PoolAsync(ids, workers, process)</c> returns one (id, value) per id and
/// runs at most <c>workers</c> jobs at once. One correct answer in two styles, and the plausible wrong ones the
/// harness must catch.
/// </summary>
internal static class Pools
{
    public delegate Task<List<(int Id, string Value)>> Pool(IReadOnlyList<int> ids, int workers, Func<int, Task<string>> process);

    public static async Task<List<(int Id, string Value)>> Correct(IReadOnlyList<int> ids, int workers, Func<int, Task<string>> process)
    {
        var jobs = Channel.CreateBounded<int>(workers);
        var results = new ConcurrentQueue<(int, string)>();
        var running = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var id in jobs.Reader.ReadAllAsync())
                results.Enqueue((id, await process(id)));
        })).ToList();
        foreach (var id in ids)
            await jobs.Writer.WriteAsync(id);
        jobs.Writer.Complete();
        await Task.WhenAll(running);
        return [.. results];
    }

    // The lesson's style: a WaitGroup, a results channel and a closer task.
    public static async Task<List<(int Id, string Value)>> CorrectWithWaitGroup(IReadOnlyList<int> ids, int workers, Func<int, Task<string>> process)
    {
        var jobs = Channel.CreateBounded<int>(ids.Count);
        var results = Channel.CreateBounded<(int, string)>(ids.Count);
        var wg = new WaitGroup();
        for (var w = 0; w < workers; w++)
        {
            wg.Add(1);
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var id in jobs.Reader.ReadAllAsync())
                        await results.Writer.WriteAsync((id, await process(id)));
                }
                finally
                {
                    wg.Done();
                }
            });
        }
        foreach (var id in ids)
            await jobs.Writer.WriteAsync(id);
        jobs.Writer.Complete();
        _ = Task.Run(async () =>
        {
            await wg.WaitAsync();
            results.Writer.Complete();
        });
        var collected = new List<(int, string)>();
        await foreach (var result in results.Reader.ReadAllAsync())
            collected.Add(result);
        return collected;
    }

    public static Task<List<(int Id, string Value)>> Starter(IReadOnlyList<int> ids, int workers, Func<int, Task<string>> process) =>
        throw new NotImplementedException();

    // Racy: the workers share an index without synchronisation, so two of them take the same job.
    public static async Task<List<(int Id, string Value)>> SharedIndex(IReadOnlyList<int> ids, int workers, Func<int, Task<string>> process)
    {
        var next = 0;
        var results = new ConcurrentQueue<(int, string)>();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (next < ids.Count)
            {
                var id = ids[next];
                results.Enqueue((id, await process(id)));
                next++;
            }
        })));
        return [.. results];
    }

    // Lossy: TryWrite drops a job when the channel is full.
    public static async Task<List<(int Id, string Value)>> DropsWhenFull(IReadOnlyList<int> ids, int workers, Func<int, Task<string>> process)
    {
        var jobs = Channel.CreateBounded<int>(1);
        var results = new ConcurrentQueue<(int, string)>();
        var running = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var id in jobs.Reader.ReadAllAsync())
                results.Enqueue((id, await process(id)));
        })).ToList();
        foreach (var id in ids)
            jobs.Writer.TryWrite(id);
        jobs.Writer.Complete();
        await Task.WhenAll(running);
        return [.. results];
    }

    // Unbounded: one task per job, whatever `workers` says (the fan-out the exercise starts from).
    public static async Task<List<(int Id, string Value)>> TaskPerJob(IReadOnlyList<int> ids, int workers, Func<int, Task<string>> process) =>
        [.. await Task.WhenAll(ids.Select(async id => (id, await process(id))))];

    // Leaky: returns when the first worker is done; the others are still working.
    public static async Task<List<(int Id, string Value)>> WaitsForOneWorker(IReadOnlyList<int> ids, int workers, Func<int, Task<string>> process)
    {
        var jobs = Channel.CreateBounded<int>(ids.Count);
        var results = new ConcurrentQueue<(int, string)>();
        foreach (var id in ids)
            jobs.Writer.TryWrite(id);
        jobs.Writer.Complete();
        var running = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var id in jobs.Reader.ReadAllAsync())
                results.Enqueue((id, await process(id)));
        })).ToList();
        await Task.WhenAny(running);
        return [.. results];
    }

    // Deadlock: the job channel is never completed, so the workers wait for more jobs forever.
    public static async Task<List<(int Id, string Value)>> NeverCompletes(IReadOnlyList<int> ids, int workers, Func<int, Task<string>> process)
    {
        var jobs = Channel.CreateBounded<int>(ids.Count);
        var results = new ConcurrentQueue<(int, string)>();
        var running = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var id in jobs.Reader.ReadAllAsync())
                results.Enqueue((id, await process(id)));
        })).ToList();
        foreach (var id in ids)
            await jobs.Writer.WriteAsync(id);
        await Task.WhenAll(running);
        return [.. results];
    }

    // Deadlock: every job is sent into a 1-slot channel before any worker exists.
    public static async Task<List<(int Id, string Value)>> SendsBeforeStartingWorkers(IReadOnlyList<int> ids, int workers, Func<int, Task<string>> process)
    {
        var jobs = Channel.CreateBounded<int>(1);
        foreach (var id in ids)
            await jobs.Writer.WriteAsync(id);
        jobs.Writer.Complete();
        return await Correct(ids, workers, process);
    }

    // Not concurrent: one job after another, whatever `workers` says.
    public static async Task<List<(int Id, string Value)>> OneAtATime(IReadOnlyList<int> ids, int workers, Func<int, Task<string>> process)
    {
        var results = new List<(int, string)>();
        foreach (var id in ids)
            results.Add((id, await process(id)));
        return results;
    }

    // Delivers a result twice (a retry that does not check whether the first attempt already succeeded).
    public static async Task<List<(int Id, string Value)>> DeliversTwice(IReadOnlyList<int> ids, int workers, Func<int, Task<string>> process)
    {
        var results = await Correct(ids, workers, process);
        results.Add(results[^1]);
        return results;
    }
}
