using Tutorial.Lab;
using BenchmarkDotNet.Attributes;
using Tutorial.Benchmarks.Infrastructure;
using Tutorial.Concurrency;

namespace Tutorial.Benchmarks;

/// <summary>
/// Suite 1: the article's four programs with 50 ms latency-like jobs, once with the precise wait the lessons use
/// (<see cref="PreciseDelay"/>) and once with a naive <c>Task.Delay(50)</c>. The models: sequential 3 x 50 = 150 ms,
/// launch-and-wait 50 ms, fan-out/fan-in 50 ms, worker pool ceil(20 / 5) x 50 = 200 ms.
/// </summary>
[LatencyJob(iterationCount: 12)]
public class ArticleProgramsBenchmarks
{
    private static readonly TimeSpan JobDuration = TimeSpan.FromMilliseconds(50);
    private static readonly ImageWorkload Precise = ImageWorkload.Latency(JobDuration);

    private Func<int, CancellationToken, ValueTask<ProcessedImage>> _process = null!;

    /// <summary>How a job waits its 50 ms.</summary>
    [Params("PreciseDelay", "Task.Delay")]
    public string Wait { get; set; } = "PreciseDelay";

    /// <summary>Picks the job for <see cref="Wait"/>.</summary>
    [GlobalSetup]
    public void Setup() => _process = Wait == "PreciseDelay" ? Precise.ProcessAsync : NaiveAsync;

    /// <summary>Three images one after the other (model: 150 ms).</summary>
    /// <returns>How many images were processed.</returns>
    [Benchmark(Baseline = true, Description = "sequential")]
    public async Task<int> Sequential3()
    {
        var done = 0;
        for (var id = 1; id <= 3; id++)
        {
            await _process(id, CancellationToken.None);
            done++;
        }
        return done;
    }

    /// <summary>Three images launched at once, waited for with the library's <see cref="WaitGroup"/> (model: 50 ms).</summary>
    /// <returns>How many images were launched.</returns>
    [Benchmark(Description = "WaitGroup")]
    public async Task<int> LaunchAndWait3()
    {
        var wg = new WaitGroup();
        for (var id = 1; id <= 3; id++)
        {
            var image = id;
            wg.Go(async () => await _process(image, CancellationToken.None));
        }
        await wg.WaitAsync();
        return 3;
    }

    /// <summary>Five images fanned out, results fanned in on one channel (model: 50 ms).</summary>
    /// <returns>How many results arrived.</returns>
    [Benchmark(Description = "FanOut")]
    public async Task<int> FanOutFanIn5()
    {
        var received = 0;
        await foreach (var result in FanOut.Start(Enumerable.Range(1, 5), _process).ReadAllAsync())
            received += result.IsSuccess ? 1 : 0;
        return received;
    }

    /// <summary>Twenty images through the library's pool of five workers (model: 4 rounds x 50 = 200 ms).</summary>
    /// <returns>How many jobs succeeded.</returns>
    [Benchmark(Description = "WorkerPool")]
    public async Task<int> WorkerPool20Jobs5Workers()
    {
        var report = await WorkerPool.RunAsync(Enumerable.Range(1, 20), 5, _process);
        return report.Results.Count;
    }

    private static async ValueTask<ProcessedImage> NaiveAsync(int imageId, CancellationToken cancellationToken)
    {
        await Task.Delay(JobDuration, cancellationToken);
        return new ProcessedImage(imageId);
    }
}
