using Tutorial.Lab;
using BenchmarkDotNet.Attributes;
using Tutorial.Benchmarks.Infrastructure;
using Tutorial.Concurrency;

namespace Tutorial.Benchmarks;

/// <summary>
/// Suite 5: 100 jobs of 50 ms, blocking (<see cref="Thread.Sleep(TimeSpan)"/>) against waiting asynchronously
/// (<see cref="PreciseDelay"/>), fanned out (one task each, model 50 ms) or through a pool of 10 workers (model
/// 10 x 50 = 500 ms), with the thread pool's minimum as it is (the core count) or raised to 128.
/// </summary>
/// <remarks>
/// The thread pool keeps the threads it injected for a while, so the warm-up iterations already grow it: the very first
/// blocking fan-out in a fresh process (about 2 s on 2 cores) is slower than what the measured iterations show.
/// </remarks>
[LatencyJob(iterationCount: 10)]
public class StarvationBenchmarks
{
    private const int JobCount = 100;
    private const int PoolWorkers = 10;
    private static readonly TimeSpan JobDuration = TimeSpan.FromMilliseconds(50);

    private ImageWorkload _workload = null!;
    private int _savedWorkerMin;
    private int _savedIoMin;

    /// <summary>What a job does for its 50 ms: hold its thread, or wait without one.</summary>
    [Params("Thread.Sleep", "async wait")]
    public string Work { get; set; } = "Thread.Sleep";

    /// <summary>The thread pool's minimum worker threads: "default" (the core count) or "128".</summary>
    [Params("default", "128")]
    public string MinThreads { get; set; } = "default";

    /// <summary>Chooses the workload and, when asked, raises the thread pool's minimum.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _workload = Work == "Thread.Sleep" ? ImageWorkload.Blocking(JobDuration) : ImageWorkload.Latency(JobDuration);
        ThreadPool.GetMinThreads(out _savedWorkerMin, out _savedIoMin);
        if (MinThreads == "128" && !ThreadPool.SetMinThreads(128, 128))
            throw new InvalidOperationException("ThreadPool.SetMinThreads(128, 128) was refused.");
    }

    /// <summary>Puts the thread pool's minimum back.</summary>
    [GlobalCleanup]
    public void Cleanup() => ThreadPool.SetMinThreads(_savedWorkerMin, _savedIoMin);

    /// <summary>One task per job (model: 50 ms if every job can run at once).</summary>
    /// <returns>How many jobs succeeded.</returns>
    [Benchmark(Baseline = true, Description = "FanOut")]
    public async Task<int> FanOut100()
    {
        var succeeded = 0;
        await foreach (var result in FanOut.Start(Enumerable.Range(1, JobCount), (id, ct) => _workload.ProcessAsync(id, ct)).ReadAllAsync())
            succeeded += result.IsSuccess ? 1 : 0;
        return succeeded;
    }

    /// <summary>The library's pool of 10 workers (model: 500 ms).</summary>
    /// <returns>How many jobs succeeded.</returns>
    [Benchmark(Description = "WorkerPool")]
    public async Task<int> Pool10Workers()
    {
        var report = await WorkerPool.RunAsync(Enumerable.Range(1, JobCount), PoolWorkers, (id, ct) => _workload.ProcessAsync(id, ct));
        return report.Results.Count;
    }
}
