using Microsoft.Coyote.Specifications;

namespace Tutorial.Concurrency.Coyote;

public class WorkerPoolCoyoteTests
{
    [Fact]
    public void Complete_with_jobs_queued_accounts_for_every_job_once()
    {
        CoyoteRun.Check(async () =>
        {
            const int jobCount = 4;
            var pool = WorkerPool.Start<int, int>(2, async (x, _) =>
            {
                await Task.Yield();
                return x * 10;
            }, new WorkerPoolOptions { JobCapacity = jobCount });
            for (var i = 0; i < jobCount; i++)
                await pool.SubmitAsync(i);
            pool.Complete();

            var results = new List<Result<int>>();
            while (await pool.Results.WaitToReadAsync())
            {
                while (pool.Results.TryRead(out var r))
                    results.Add(r);
            }
            await pool.Completion;
            var ids = results.Select(r => r.JobId).Order().ToArray();
            Specification.Assert(ids.SequenceEqual(Enumerable.Range(0, jobCount)), $"Result job ids [{string.Join(", ", ids)}], expected 0..{jobCount - 1} once each.");
            Specification.Assert(pool.Succeeded == jobCount && pool.Submitted == jobCount, $"Submitted {pool.Submitted}, succeeded {pool.Succeeded}.");
        });
    }

    [Fact]
    public void Cancel_racing_with_Complete_and_running_jobs_accounts_for_every_job_once()
    {
        CoyoteRun.Check(async () =>
        {
            const int jobCount = 4;
            var pool = WorkerPool.Start<int, int>(2, async (x, token) =>
            {
                await Task.Yield();
                token.ThrowIfCancellationRequested();
                if (x == 1)
                    throw new InvalidOperationException("job 1 always fails");
                return x;
            }, new WorkerPoolOptions { JobCapacity = jobCount });
            for (var i = 0; i < jobCount; i++)
                await pool.SubmitAsync(i);

            var complete = Task.Run(pool.Complete);
            var cancel = Task.Run(pool.Cancel);
            await AssertFullyAccountedAsync(pool);
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
            }, new WorkerPoolOptions { JobCapacity = 4 });

            var accepted = 0;
            var submitter = Task.Run(async () =>
            {
                for (var i = 0; i < 4; i++)
                {
                    try
                    {
                        await pool.SubmitAsync(i);
                        accepted++;
                    }
                    catch (OperationCanceledException)
                    {
                        // Refused after Cancel: not submitted, so not counted.
                    }
                }
            });
            var cancel = Task.Run(pool.Cancel);
            await submitter;
            await cancel;
            pool.Complete();
            await AssertFullyAccountedAsync(pool);
            Specification.Assert(pool.Submitted == accepted, $"Submitted is {pool.Submitted} but {accepted} SubmitAsync calls succeeded.");
        });
    }

    // Drains both output channels to their end, waits for the pool, and checks that every accepted job has exactly one outcome.
    private static async Task AssertFullyAccountedAsync(WorkerPool<int, int> pool)
    {
        var results = new List<Result<int>>();
        while (await pool.Results.WaitToReadAsync())
        {
            while (pool.Results.TryRead(out var r))
                results.Add(r);
        }
        var deadLetters = new List<DeadLetter<int>>();
        while (await pool.DeadLetters.WaitToReadAsync())
        {
            while (pool.DeadLetters.TryRead(out var d))
                deadLetters.Add(d);
        }
        await pool.Completion;

        var notProcessed = pool.NotProcessed;
        Specification.Assert(pool.Submitted == pool.Succeeded + pool.DeadLettered + notProcessed.Count,
            $"Submitted {pool.Submitted} != succeeded {pool.Succeeded} + dead-lettered {pool.DeadLettered} + not processed {notProcessed.Count}.");
        Specification.Assert(results.Count == pool.Succeeded && deadLetters.Count == pool.DeadLettered,
            $"Read {results.Count} results and {deadLetters.Count} dead letters, counters say {pool.Succeeded} and {pool.DeadLettered}.");
        var ids = results.Select(r => r.JobId).Concat(deadLetters.Select(d => d.Job.Id)).Concat(notProcessed.Select(j => j.Id)).Order().ToArray();
        // Distinct, not 0..n-1: a submission refused by a racing Cancel may already have taken an id.
        Specification.Assert(ids.Length == pool.Submitted && ids.Distinct().Count() == ids.Length,
            $"Outcomes for job ids [{string.Join(", ", ids)}], expected {pool.Submitted} distinct ids.");
    }
}
