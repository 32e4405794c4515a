using BenchmarkDotNet.Attributes;
using Tutorial.Concurrency;

namespace Tutorial.Benchmarks;

/// <summary>
/// Suite 2: the library's <see cref="WaitGroup"/> against <see cref="CountdownEvent"/> and <see cref="Task.WhenAll(Task[])"/>.
/// Add/Done: <see cref="Pairs"/> Add(1)/Done() pairs split across <see cref="Tasks"/> tasks (1 = uncontended, on the
/// calling thread); ns/op is wall time per pair. Launch-and-wait: <see cref="Rounds"/> rounds of starting
/// <see cref="Tasks"/> empty tasks and waiting for all of them; ns/op is per round.
/// </summary>
public class WaitGroupBenchmarks
{
    private const int Pairs = 1_000_000;
    private const int Rounds = 1_000;

    /// <summary>How many tasks share the work (1 = uncontended).</summary>
    [Params(1, 2, 8)]
    public int Tasks { get; set; }

    /// <summary>Add(1)/Done() pairs on the library's WaitGroup (Go 1.19 anchor: 14 ns per pair, uncontended).</summary>
    /// <returns>The final count (0).</returns>
    [Benchmark(OperationsPerInvoke = Pairs, Description = "WaitGroup Add+Done")]
    public int WaitGroupAddDone()
    {
        var wg = new WaitGroup();
        wg.Add(1); // Keep the counter above zero so no pair releases waiters, as in a long-running group.
        RunSplit(Tasks, Pairs, () =>
        {
            wg.Add(1);
            wg.Done();
        });
        wg.Done();
        return wg.Count;
    }

    /// <summary>AddCount(1)/Signal() pairs on <see cref="CountdownEvent"/>, the BCL's nearest type.</summary>
    /// <returns>The final count (0).</returns>
    [Benchmark(OperationsPerInvoke = Pairs, Description = "CountdownEvent AddCount+Signal")]
    public int CountdownEventAddSignal()
    {
        using var countdown = new CountdownEvent(1);
        RunSplit(Tasks, Pairs, () =>
        {
            countdown.AddCount(1);
            countdown.Signal();
        });
        countdown.Signal();
        return countdown.CurrentCount;
    }

    /// <summary>Start <see cref="Tasks"/> empty tasks with <see cref="WaitGroup.Go(Func{Task})"/> and await <see cref="WaitGroup.WaitAsync"/>.</summary>
    /// <returns>A task for the rounds.</returns>
    [Benchmark(OperationsPerInvoke = Rounds, Description = "WaitGroup launch and wait")]
    public async Task WaitGroupLaunchAndWait()
    {
        var wg = new WaitGroup();
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < Tasks; i++)
                wg.Go(static () => Task.CompletedTask);
            await wg.WaitAsync();
        }
    }

    /// <summary>Start <see cref="Tasks"/> empty tasks with <c>Task.Run</c>, each signalling a <see cref="CountdownEvent"/>; wait on its handle.</summary>
    /// <returns>A task for the rounds.</returns>
    [Benchmark(OperationsPerInvoke = Rounds, Description = "CountdownEvent launch and wait")]
    public void CountdownEventLaunchAndWait()
    {
        using var countdown = new CountdownEvent(1);
        for (var round = 0; round < Rounds; round++)
        {
            countdown.Reset(Tasks);
            for (var i = 0; i < Tasks; i++)
                _ = Task.Run(() => countdown.Signal());
            countdown.Wait();
        }
    }

    /// <summary>Start <see cref="Tasks"/> empty tasks with <c>Task.Run</c> and await <see cref="Task.WhenAll(Task[])"/>: idiomatic C#.</summary>
    /// <returns>A task for the rounds.</returns>
    [Benchmark(OperationsPerInvoke = Rounds, Description = "Task.WhenAll launch and wait")]
    public async Task TaskWhenAllLaunchAndWait()
    {
        var tasks = new Task[Tasks];
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < tasks.Length; i++)
                tasks[i] = Task.Run(static () => { });
            await Task.WhenAll(tasks);
        }
    }

    // Runs `pairs` calls of `pair` in total: on this thread for one task, else split across `tasks` thread-pool tasks
    // that start together, so they really contend.
    private static void RunSplit(int tasks, int pairs, Action pair)
    {
        if (tasks == 1)
        {
            for (var i = 0; i < pairs; i++)
                pair();
            return;
        }
        using var start = new ManualResetEventSlim();
        var workers = new Task[tasks];
        for (var t = 0; t < tasks; t++)
        {
            workers[t] = Task.Factory.StartNew(() =>
            {
                start.Wait();
                for (var i = 0; i < pairs / tasks; i++)
                    pair();
            }, TaskCreationOptions.LongRunning);
        }
        start.Set();
        Task.WaitAll(workers);
    }
}
