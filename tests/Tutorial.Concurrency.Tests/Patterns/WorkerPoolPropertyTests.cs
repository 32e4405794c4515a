using System.Collections.Concurrent;
using CsCheck;

namespace Tutorial.Concurrency.Tests.Patterns;

/// <summary>
/// The pool's central promise, checked on random shapes of work: every job handed over ends in exactly one of results,
/// dead letters or not-processed, whatever the job count, worker count, channel sizes, failure rate, retry limit and
/// cancellation point.
/// </summary>
public class WorkerPoolPropertyTests
{
    public sealed record Scenario(int Jobs, int Workers, int FailurePercent, int MaxAttempts, int CancelAfter, int JobCapacity, int ResultCapacity, int Seed)
    {
        /// <summary>Whether a given attempt of a given job fails: a pure function of the scenario, so a failure can be replayed.</summary>
        public bool Fails(int input, int attempt) => (uint)HashCode.Combine(Seed, input, attempt) % 100 < (uint)FailurePercent;

        public WorkerPoolOptions Options => new() { MaxAttempts = MaxAttempts, JobCapacity = JobCapacity, ResultCapacity = ResultCapacity };

        public override string ToString() =>
            $"jobs={Jobs} workers={Workers} fail={FailurePercent}% maxAttempts={MaxAttempts} cancelAfter={CancelAfter} "
            + $"jobCapacity={JobCapacity} resultCapacity={ResultCapacity} seed={Seed}";
    }

    private static readonly Gen<Scenario> Scenarios = Gen.Select(
        Gen.Int[0, 200],
        Gen.Int[1, 16],
        Gen.OneOf<int>(Gen.Const(0), Gen.Const(100), Gen.Int[0, 100]), // the edges (never, always fails) often, anything between too
        Gen.Int[1, 4],
        Gen.Int[-1, 200], // -1: never cancel; k: cancel after the k-th successful result
        Gen.Int[1, 8],
        Gen.Int[1, 8],
        Gen.Int,
        (jobs, workers, fail, attempts, cancel, jobCapacity, resultCapacity, seed) =>
            new Scenario(jobs, workers, fail, attempts, cancel, jobCapacity, resultCapacity, seed));

    [Fact]
    public void Every_job_submitted_by_hand_is_accounted_for_exactly_once()
    {
        Scenarios.Sample(scenario => RunByHandAsync(scenario).WaitAsync(Safety.Timeout).GetAwaiter().GetResult(), iter: 150, threads: 1);
    }

    [Fact]
    public void Every_input_of_RunAsync_is_accounted_for_exactly_once()
    {
        Scenarios.Sample(scenario => RunBatchAsync(scenario).WaitAsync(Safety.Timeout).GetAwaiter().GetResult(), iter: 150, threads: 1);
    }

    private static Func<int, CancellationToken, ValueTask<int>> Work(Scenario s, ConcurrentDictionary<int, int> attempts, Action<int>? onSuccess = null) =>
        async (input, ct) =>
        {
            var attempt = attempts.AddOrUpdate(input, 1, (_, n) => n + 1);
            // Alternate synchronous and asynchronous completion so both paths through the worker are exercised.
            if (input % 2 == 0)
                await Task.Yield();
            ct.ThrowIfCancellationRequested();
            if (s.Fails(input, attempt))
                throw new InvalidOperationException($"job {input} attempt {attempt}");
            onSuccess?.Invoke(input);
            return input;
        };

    private static async Task RunByHandAsync(Scenario s)
    {
        var attempts = new ConcurrentDictionary<int, int>();
        var pool = WorkerPool.Start(s.Workers, Work(s, attempts), s.Options);

        var accepted = new ConcurrentBag<int>();
        var submitter = Task.Run(async () =>
        {
            for (var i = 0; i < s.Jobs; i++)
            {
                try
                {
                    await pool.SubmitAsync(new Job<int>(i, i));
                    accepted.Add(i);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            pool.Complete();
        });
        var results = new List<Result<int>>();
        await foreach (var result in pool.Results.ReadAllAsync())
        {
            results.Add(result);
            if (results.Count == s.CancelAfter)
                pool.Cancel();
        }
        await pool.Completion;
        await submitter;

        AssertAccounted(s, attempts, accepted.Order().ToList(), results, pool.DeadLetters, pool.NotProcessed, cancelled: pool.CancellationToken.IsCancellationRequested);
    }

    private static async Task RunBatchAsync(Scenario s)
    {
        var attempts = new ConcurrentDictionary<int, int>();
        using var cts = new CancellationTokenSource();
        var succeeded = 0;
        var work = Work(s, attempts, _ =>
        {
            if (Interlocked.Increment(ref succeeded) == s.CancelAfter)
                cts.Cancel();
        });

        var report = await WorkerPool.RunAsync(Enumerable.Range(0, s.Jobs), s.Workers, work, s.Options, cts.Token);

        Assert.Equal(s.Jobs, report.Inputs);
        Assert.True(report.IsFullyAccounted, report.ToString());
        AssertAccounted(s, attempts, Enumerable.Range(0, s.Jobs).ToList(), report.Results, report.DeadLetters, report.NotProcessed, cts.IsCancellationRequested);
    }

    private static void AssertAccounted(Scenario s, ConcurrentDictionary<int, int> attempts, List<int> handedOver,
        IReadOnlyList<Result<int>> results, IReadOnlyList<DeadLetter<int>> deadLetters, IReadOnlyList<Job<int>> notProcessed, bool cancelled)
    {
        var ids = results.Select(r => r.JobId).Concat(deadLetters.Select(d => d.Job.Id)).Concat(notProcessed.Select(j => j.Id)).Order();
        Assert.Equal(handedOver, ids);

        // Without cancellation nothing may be skipped, and every job is either a success or a dead letter.
        if (!cancelled)
        {
            Assert.Equal(s.Jobs, handedOver.Count);
            Assert.Empty(notProcessed);
        }

        // Each outcome agrees with what the job itself saw; a job never started has no attempts.
        Assert.All(results, r => Assert.Equal(attempts[r.JobId], r.Attempts));
        Assert.All(deadLetters, d =>
        {
            Assert.Equal(s.MaxAttempts, d.Attempts);
            Assert.Equal(attempts[d.Job.Id], d.Attempts);
        });
    }
}
