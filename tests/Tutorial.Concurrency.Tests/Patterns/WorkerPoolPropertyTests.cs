using System.Collections.Concurrent;
using CsCheck;

namespace Tutorial.Concurrency.Tests.Patterns;

/// <summary>
/// The pool's central promise, checked on random shapes of work: every accepted job ends in exactly one of results,
/// dead letters or not-processed, whatever the job count, worker count, failure rate, retry limit and cancellation point.
/// </summary>
public class WorkerPoolPropertyTests
{
    public sealed record Scenario(int Jobs, int Workers, int FailurePercent, int MaxAttempts, int CancelAfter, int JobCapacity, int Seed)
    {
        /// <summary>Whether a given attempt of a given job fails: a pure function of the scenario, so a failure can be replayed.</summary>
        public bool Fails(int input, int attempt) => (uint)HashCode.Combine(Seed, input, attempt) % 100 < (uint)FailurePercent;

        public override string ToString() =>
            $"jobs={Jobs} workers={Workers} fail={FailurePercent}% maxAttempts={MaxAttempts} cancelAfter={CancelAfter} capacity={JobCapacity} seed={Seed}";
    }

    private static readonly Gen<Scenario> Scenarios = Gen.Select(
        Gen.Int[0, 200],
        Gen.Int[1, 16],
        Gen.OneOf<int>(Gen.Const(0), Gen.Const(100), Gen.Int[0, 100]), // the edges (never, always fails) often, anything between too
        Gen.Int[1, 4],
        Gen.Int[-1, 200], // -1: never cancel; k: cancel after the k-th successful result
        Gen.Int[0, 8],
        Gen.Int,
        (jobs, workers, fail, attempts, cancel, capacity, seed) => new Scenario(jobs, workers, fail, attempts, cancel, capacity, seed));

    [Fact]
    public void Every_job_is_accounted_for_exactly_once()
    {
        Scenarios.Sample(scenario => RunAsync(scenario).WaitAsync(Safety.Timeout).GetAwaiter().GetResult(), iter: 150, threads: 1);
    }

    private static async Task RunAsync(Scenario s)
    {
        var attempts = new ConcurrentDictionary<int, int>();
        var pool = WorkerPool.Start<int, int>(s.Workers, async (input, ct) =>
        {
            var attempt = attempts.AddOrUpdate(input, 1, (_, n) => n + 1);
            // Alternate synchronous and asynchronous completion so both paths through the worker are exercised.
            if (input % 2 == 0)
                await Task.Yield();
            ct.ThrowIfCancellationRequested();
            if (s.Fails(input, attempt))
                throw new InvalidOperationException($"job {input} attempt {attempt}");
            return input;
        }, new WorkerPoolOptions { MaxAttempts = s.MaxAttempts, JobCapacity = s.JobCapacity });

        var submitter = Task.Run(async () =>
        {
            for (var i = 0; i < s.Jobs; i++)
            {
                try
                {
                    await pool.SubmitAsync(i);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            pool.Complete();
        });
        var deadLettersRead = pool.DeadLetters.ToListAsync();
        var results = new List<Result<int>>();
        await foreach (var result in pool.Results.ReadAllAsync())
        {
            results.Add(result);
            if (results.Count == s.CancelAfter)
                pool.Cancel();
        }
        var deadLetters = await deadLettersRead;
        await pool.Completion;
        await submitter;

        var notProcessed = pool.NotProcessed;
        Assert.Equal(pool.Submitted, results.Count + deadLetters.Count + notProcessed.Count);
        Assert.Equal(pool.Succeeded, results.Count);
        Assert.Equal(pool.DeadLettered, deadLetters.Count);

        var ids = results.Select(r => r.JobId).Concat(deadLetters.Select(d => d.Job.Id)).Concat(notProcessed.Select(j => j.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.InRange(id, 0, s.Jobs - 1));

        // Without cancellation nothing may be skipped, and every job is either a success or a dead letter.
        var cancelled = s.CancelAfter >= 0 && results.Count >= s.CancelAfter;
        if (!cancelled)
        {
            Assert.Equal(s.Jobs, pool.Submitted);
            Assert.Empty(notProcessed);
        }

        // Each outcome agrees with what the job itself saw.
        Assert.All(results, r => Assert.Equal(attempts[r.JobId], r.Attempts));
        Assert.All(deadLetters, d =>
        {
            Assert.Equal(s.MaxAttempts, d.Attempts);
            Assert.Equal(attempts[d.Job.Id], d.Attempts);
        });
    }
}
