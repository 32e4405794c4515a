using System.Threading.Channels;
using System.Threading.Tasks.Dataflow;
using BenchmarkDotNet.Attributes;
using Tutorial.Concurrency;

namespace Tutorial.Benchmarks;

/// <summary>
/// Suite 4: per-job overhead of a worker pool. One million trivial jobs (<c>x =&gt; x + 1</c>, completing synchronously)
/// go through each pool and every result is delivered to, and consumed by, the caller. ns/op is wall time per job.
/// Go 1.19 anchors (job and result channels, article shape): 129 ns/job at 2 workers, 104 at 8.
/// </summary>
public class WorkerPoolBenchmarks
{
    private const int Jobs = 1_000_000;

    private int[] _results = [];

    /// <summary>How many workers (the degree of parallelism).</summary>
    [Params(2, 8)]
    public int Workers { get; set; }

    /// <summary>Allocates the result array the array-based approaches write into.</summary>
    [GlobalSetup]
    public void Setup() => _results = new int[Jobs];

    /// <summary>
    /// The library's <see cref="WorkerPool.RunAsync{TOut}"/> with default options: submits every job into the job channel and
    /// collects every outcome in the report. That includes a new list of a million results per call (24 MB), which
    /// <see cref="ParallelForEachAsyncArray"/> allocates once in setup: compare with <see cref="LibraryStreaming"/> for the
    /// pool's own per-job cost.
    /// </summary>
    /// <returns>How many results arrived.</returns>
    [Benchmark(OperationsPerInvoke = Jobs, Description = "library RunAsync")]
    public async Task<int> LibraryRunAsync()
    {
        var report = await WorkerPool.RunAsync(Enumerable.Range(0, Jobs), Workers, Work);
        return report.Results.Count;
    }

    /// <summary>The library's pool driven by hand with default options: one task submits with <c>SubmitAsync</c> while the caller drains <c>Results</c>.</summary>
    /// <returns>The sum of the results.</returns>
    [Benchmark(OperationsPerInvoke = Jobs, Description = "library Start+SubmitAsync")]
    public Task<long> LibraryStreaming() => StreamThroughPoolAsync(options: null);

    /// <summary>
    /// As <see cref="LibraryStreaming"/> with room for one job and one result per worker (<c>JobCapacity</c>,
    /// <c>ResultCapacity</c>): the tightest backpressure, and the price of it, since nearly every job is then handed over
    /// with a wake-up of the submitter, a worker or the reader.
    /// </summary>
    /// <returns>The sum of the results.</returns>
    [Benchmark(OperationsPerInvoke = Jobs, Description = "library Start+SubmitAsync, capacities = workers")]
    public Task<long> LibraryStreamingTight() => StreamThroughPoolAsync(new WorkerPoolOptions { JobCapacity = Workers, ResultCapacity = Workers });

    // One producer submits every job while the caller reads the results as they stream out.
    private async Task<long> StreamThroughPoolAsync(WorkerPoolOptions? options)
    {
        await using var pool = WorkerPool.Start<int, int>(Workers, Work, options);
        var submitter = Task.Run(async () =>
        {
            for (var i = 0; i < Jobs; i++)
                await pool.SubmitAsync(new Job<int>(i, i));
            pool.Complete();
        });
        long sum = 0;
        var results = pool.Results;
        while (await results.WaitToReadAsync())
        {
            while (results.TryRead(out var result))
                sum += result.Value;
        }
        await submitter;
        return sum;
    }

    /// <summary>
    /// The article's shape written by hand: a job channel and a result channel of <c>numJobs</c> each, workers ranging over
    /// jobs, a WaitGroup and a closer task, the caller ranging over results.
    /// </summary>
    /// <returns>The sum of the results.</returns>
    [Benchmark(OperationsPerInvoke = Jobs, Description = "hand-written channels")]
    public async Task<long> HandWrittenChannels()
    {
        var jobs = Chan.Make<Job<int>>(Jobs);
        var results = Chan.Make<Result<int>>(Jobs);
        var wg = new WaitGroup();
        for (var w = 0; w < Workers; w++)
        {
            wg.Add(1);
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var job in jobs.Reader.ReadAllAsync())
                        await results.Writer.WriteAsync(Result<int>.Success(job.Id, await Work(job.Input, CancellationToken.None)));
                }
                finally
                {
                    wg.Done();
                }
            });
        }
        for (var j = 0; j < Jobs; j++)
            await jobs.Writer.WriteAsync(new Job<int>(j, j));
        jobs.Writer.Complete();
        _ = Task.Run(async () =>
        {
            await wg.WaitAsync();
            results.Writer.Complete();
        });
        long sum = 0;
        await foreach (var result in results.Reader.ReadAllAsync())
            sum += result.Value;
        return sum;
    }

    /// <summary><see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/> writing each result into an array, summed afterwards.</summary>
    /// <returns>The sum of the results.</returns>
    [Benchmark(OperationsPerInvoke = Jobs, Description = "Parallel.ForEachAsync array")]
    public async Task<long> ParallelForEachAsyncArray()
    {
        var results = _results;
        await Parallel.ForEachAsync(Enumerable.Range(0, Jobs), new ParallelOptions { MaxDegreeOfParallelism = Workers },
            async (i, ct) => results[i] = await Work(i, ct));
        return Sum(results);
    }

    /// <summary><see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/> streaming each result into an unbounded channel the caller drains meanwhile.</summary>
    /// <returns>The sum of the results.</returns>
    [Benchmark(OperationsPerInvoke = Jobs, Description = "Parallel.ForEachAsync channel")]
    public async Task<long> ParallelForEachAsyncChannel()
    {
        var results = Channel.CreateUnbounded<int>();
        var producer = Task.Run(async () =>
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, Jobs), new ParallelOptions { MaxDegreeOfParallelism = Workers },
                async (i, ct) => results.Writer.TryWrite(await Work(i, ct)));
            results.Writer.Complete();
        });
        long sum = 0;
        var reader = results.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var value))
                sum += value;
        }
        await producer;
        return sum;
    }

    /// <summary>TPL Dataflow's <see cref="ActionBlock{TInput}"/> with <c>MaxDegreeOfParallelism = Workers</c>, writing into an array.</summary>
    /// <returns>The sum of the results.</returns>
    [Benchmark(OperationsPerInvoke = Jobs, Description = "ActionBlock")]
    public async Task<long> DataflowActionBlock()
    {
        var results = _results;
        var block = new ActionBlock<int>(async i => results[i] = await Work(i, CancellationToken.None),
            new ExecutionDataflowBlockOptions { MaxDegreeOfParallelism = Workers });
        for (var i = 0; i < Jobs; i++)
            block.Post(i);
        block.Complete();
        await block.Completion;
        return Sum(results);
    }

    private static ValueTask<int> Work(int x, CancellationToken cancellationToken) => ValueTask.FromResult(x + 1);

    private static long Sum(int[] values)
    {
        long sum = 0;
        foreach (var value in values)
            sum += value;
        return sum;
    }
}
