using Microsoft.Coyote.Specifications;

namespace Tutorial.Concurrency.Coyote;

/// <summary>
/// The pool's shutdown paths under systematic interleavings: every job handed over ends in exactly one of Results,
/// DeadLetters and NotProcessed, and neither a graceful nor a cancelled shutdown can hang.
/// </summary>
public class WorkerPoolCoyoteTests
{
    private const int JobCount = 4;

    [Fact]
    public void Complete_with_jobs_queued_accounts_for_every_job_once()
    {
        CoyoteRun.Check(async () =>
        {
            var pool = WorkerPool.Start<int, int>(2, async (x, _) =>
            {
                await Task.Yield();
                return x * 10;
            }, new WorkerPoolOptions { JobCapacity = JobCount });
            for (var i = 0; i < JobCount; i++)
                await pool.SubmitAsync(new Job<int>(i, i));
            pool.Complete();

            var results = await ReadAllAsync(pool);
            await pool.Completion;
            var ids = results.Select(r => r.JobId).Order().ToArray();
            Specification.Assert(ids.SequenceEqual(Enumerable.Range(0, JobCount)), $"Result job ids [{string.Join(", ", ids)}], expected 0..{JobCount - 1} once each.");
            Specification.Assert(results.All(r => r.Value == r.JobId * 10), "A result carries another job's value.");
        });
    }

    [Fact]
    public void Cancel_racing_with_Complete_and_running_jobs_accounts_for_every_job_once()
    {
        CoyoteRun.Check(async () =>
        {
            var pool = WorkerPool.Start<int, int>(2, async (x, token) =>
            {
                await Task.Yield();
                token.ThrowIfCancellationRequested();
                if (x == 1)
                    throw new InvalidOperationException("job 1 always fails");
                return x;
            }, new WorkerPoolOptions { JobCapacity = JobCount });
            for (var i = 0; i < JobCount; i++)
                await pool.SubmitAsync(new Job<int>(i, i));

            var complete = Task.Run(pool.Complete);
            var cancel = Task.Run(pool.Cancel);
            await AssertFullyAccountedAsync(pool, Enumerable.Range(0, JobCount).ToList());
            await Task.WhenAll(complete, cancel);
        });
    }

    [Fact]
    public void Cancel_racing_with_submissions_accounts_for_every_accepted_job_once()
    {
        CoyoteRun.Check(async () =>
        {
            var pool = WorkerPool.Start<int, int>(2, async (x, token) =>
            {
                await Task.Yield();
                token.ThrowIfCancellationRequested();
                return x;
            }, new WorkerPoolOptions { JobCapacity = JobCount });

            var accepted = new List<int>();
            var submitter = Task.Run(async () =>
            {
                for (var i = 0; i < JobCount; i++)
                {
                    try
                    {
                        await pool.SubmitAsync(new Job<int>(i, i));
                        accepted.Add(i);
                    }
                    catch (OperationCanceledException)
                    {
                        // Refused after Cancel: never handed over, so it needs no outcome.
                    }
                }
            });
            var cancel = Task.Run(pool.Cancel);
            await submitter;
            await cancel;
            pool.Complete();
            await AssertFullyAccountedAsync(pool, accepted);
        });
    }

    [Fact]
    public void DisposeAsync_racing_with_running_jobs_ends_and_accounts_for_every_job_once()
    {
        CoyoteRun.Check(async () =>
        {
            var pool = WorkerPool.Start<int, int>(2, async (x, token) =>
            {
                // Ends only when cancelled, unless it is job 0.
                while (x != 0)
                {
                    token.ThrowIfCancellationRequested();
                    await Task.Yield();
                }
                return x;
            }, new WorkerPoolOptions { JobCapacity = JobCount });
            for (var i = 0; i < JobCount; i++)
                await pool.SubmitAsync(new Job<int>(i, i));

            var reader = Task.Run(() => ReadAllAsync(pool));
            await pool.DisposeAsync();
            var results = await reader;
            AssertOutcomes(Enumerable.Range(0, JobCount).ToList(), results, pool);
        });
    }

    private static async Task<List<Result<int>>> ReadAllAsync(WorkerPool<int, int> pool)
    {
        var results = new List<Result<int>>();
        while (await pool.Results.WaitToReadAsync())
        {
            while (pool.Results.TryRead(out var r))
                results.Add(r);
        }
        return results;
    }

    // Drains Results to its end, waits for the pool, and checks that every job handed over has exactly one outcome.
    private static async Task AssertFullyAccountedAsync(WorkerPool<int, int> pool, List<int> handedOver)
    {
        var results = await ReadAllAsync(pool);
        await pool.Completion;
        AssertOutcomes(handedOver, results, pool);
    }

    private static void AssertOutcomes(List<int> handedOver, List<Result<int>> results, WorkerPool<int, int> pool)
    {
        var ids = results.Select(r => r.JobId).Concat(pool.DeadLetters.Select(d => d.Job.Id)).Concat(pool.NotProcessed.Select(j => j.Id)).Order().ToArray();
        Specification.Assert(ids.SequenceEqual(handedOver.Order()),
            $"Outcomes for job ids [{string.Join(", ", ids)}], but the jobs handed over were [{string.Join(", ", handedOver.Order())}].");
    }
}
