using System.Diagnostics;
using System.Reflection;

namespace Tutorial.Concurrency.Tests.Patterns;

/// <summary>
/// The promises issue 11 found broken, one test each (every one failed on the pool before the redesign): accounting that
/// covers what the caller handed over, JobCapacity honoured by RunAsync, bounded results, bounded disposal.
/// </summary>
public class WorkerPoolPromiseTests
{
    private static Job<int> J(int id) => new(id, id);

    [Fact]
    public async Task Cancelled_RunAsync_reports_every_input_it_was_handed()
    {
        using var cts = new CancellationTokenSource();
        var jobs = new GatedJobs();
        var run = WorkerPool.RunAsync(Enumerable.Range(0, 20), 5, jobs.Work, new WorkerPoolOptions { JobCapacity = 2 }, cts.Token);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(jobs.Started)).Within();
        jobs.Release(0);
        await jobs.Started(5).Within();          // job 0 finished and job 5 took its worker
        cts.Cancel();
        var report = await run.Within();

        Assert.Equal(20, report.Inputs);
        Assert.Equal(0, Assert.Single(report.Results).JobId);
        Assert.Equal(Enumerable.Range(1, 19), report.NotProcessed.Select(j => j.Id).Order());
        Assert.True(report.IsFullyAccounted);
        Assert.Equal("20 inputs: 1 succeeded, 0 dead-lettered, 19 not processed", report.ToString());
    }

    [Fact]
    public void IsFullyAccounted_compares_the_outcomes_with_the_jobs_handed_over()
    {
        var ok = Result<int>.Success(0, 0);
        var dead = new DeadLetter<int>(J(1), [new InvalidOperationException()]);
        var skipped = J(2);
        WorkerPoolReport<int, int> Report(int[] submitted, Job<int>[] notProcessed) => new(submitted, [ok], [dead], notProcessed);

        Assert.True(Report([0, 1, 2], [skipped]).IsFullyAccounted);
        Assert.False(Report([0, 1, 2], []).IsFullyAccounted);           // job 2 has no outcome
        Assert.False(Report([0, 1, 2], [J(0)]).IsFullyAccounted);       // job 0 twice, job 2 never
        Assert.False(Report([0, 1], [skipped]).IsFullyAccounted);       // an outcome for a job never handed over
        Assert.True(Report([0, 1, 2, 2], [skipped, skipped]).IsFullyAccounted); // the caller's ids need not be unique
    }

    [Fact]
    public async Task RunAsync_reads_its_inputs_no_further_than_JobCapacity_ahead_of_the_workers()
    {
        var yielded = 0;
        var fourth = Safety.NewGate();
        var fifth = Safety.NewGate();
        IEnumerable<int> Inputs()
        {
            for (var i = 0; i < 10; i++)
            {
                var n = Interlocked.Increment(ref yielded);
                if (n == 4)
                    fourth.TrySetResult();
                if (n == 5)
                    fifth.TrySetResult();
                yield return i;
            }
        }
        var jobs = new GatedJobs();

        var run = WorkerPool.RunAsync(Inputs(), 1, jobs.Work, new WorkerPoolOptions { JobCapacity = 2 });
        await jobs.Started(0).Within();
        await fourth.Task.Within();                      // 1 running + 2 queued + 1 waiting for room
        await Safety.AssertStaysPending(fifth.Task);

        jobs.Release(0);                                 // room for one more
        await fifth.Task.Within();
        jobs.ReleaseAll(Enumerable.Range(0, 10));
        Assert.Equal(10, (await run.Within()).Results.Count);
    }

    [Fact]
    public async Task With_an_unread_result_channel_backpressure_reaches_the_submitter()
    {
        const int resultCapacity = 3;
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(1, (x, ct) =>
        {
            _ = jobs.Work(x, ct); // announces the start; the job itself finishes at once
            return ValueTask.FromResult(x);
        }, new WorkerPoolOptions { JobCapacity = 1, ResultCapacity = resultCapacity });
        for (var i = 0; i <= resultCapacity + 1; i++)
            await pool.SubmitAsync(J(i)).Within();
        await jobs.Started(resultCapacity).Within();     // results 0..2 wait unread; result 3 waits for room
        var blocked = pool.SubmitAsync(J(resultCapacity + 2)).AsTask();

        await Safety.AssertStaysPending(blocked);         // job 4 is queued, so job 5 cannot be
        Assert.False(jobs.HasStarted(resultCapacity + 1));

        Assert.Equal(0, (await pool.Results.ReadAsync().AsTask().Within()).JobId); // read one: everything moves one step
        await jobs.Started(resultCapacity + 1).Within();
        await blocked.Within();
        pool.Cancel();
        await pool.Completion.Within();
        Assert.Equal(new[] { 4, 5 }, pool.NotProcessed.Select(j => j.Id).Order()); // 4 finished into a full channel, 5 queued
    }

    [Fact]
    public async Task With_default_options_an_unread_result_channel_stops_the_submitter_too()
    {
        var defaults = new WorkerPoolOptions();
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(1, (x, ct) =>
        {
            _ = jobs.Work(x, ct);
            return ValueTask.FromResult(x);
        });
        var held = defaults.ResultCapacity + 1 + defaults.JobCapacity; // unread + one waiting for room + queued
        for (var i = 0; i < held; i++)
            await pool.SubmitAsync(J(i)).Within();
        await jobs.Started(defaults.ResultCapacity).Within();

        await Safety.AssertStaysPending(pool.SubmitAsync(J(held)).AsTask());
        await pool.DisposeAsync().Within();
    }

    [Fact]
    public async Task DisposeAsync_ends_when_running_jobs_only_end_when_cancelled_and_reports_them()
    {
        var jobs = new GatedJobs(); // jobs end only when released or cancelled; none is released
        var pool = WorkerPool.Start<int, int>(2, jobs.Work);
        for (var i = 0; i < 5; i++)
            await pool.SubmitAsync(J(i)).Within();
        await Task.WhenAll(jobs.Started(0), jobs.Started(1)).Within();

        await pool.DisposeAsync().Within();

        Assert.Equal(Enumerable.Range(0, 5), pool.NotProcessed.Select(j => j.Id).Order());
        Assert.True(pool.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task DisposeAsync_ends_when_workers_wait_for_room_in_an_unread_result_channel()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(1, (x, ct) =>
        {
            _ = jobs.Work(x, ct); // announces the start; the job itself finishes at once
            return ValueTask.FromResult(x);
        }, new WorkerPoolOptions { ResultCapacity = 1 });
        await pool.SubmitAsync(J(0)).Within();
        await pool.SubmitAsync(J(1)).Within();
        await jobs.Started(1).Within();         // result 0 fills the channel; result 1 waits for room

        await pool.DisposeAsync().Within();

        Assert.Equal(0, (await pool.Results.ReadAsync().AsTask().Within()).JobId);
        Assert.Equal(1, Assert.Single(pool.NotProcessed).Id);
    }

    [Fact]
    public async Task The_debugger_shows_workers_state_and_what_is_waiting()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(1, jobs.Work);
        await pool.SubmitAsync(J(0)).Within();
        await pool.SubmitAsync(J(1)).Within();
        await jobs.Started(0).Within();

        var attribute = typeof(WorkerPool<int, int>).GetCustomAttribute<DebuggerDisplayAttribute>();
        Assert.Equal("{DebuggerDisplay,nq}", attribute?.Value);
        Assert.Equal("1 workers, running: 1 jobs queued, 0 results unread, 0 dead-lettered, 0 not processed", Display(pool));

        await pool.DisposeAsync().Within();
        Assert.Equal("1 workers, shut down: 0 jobs queued, 0 results unread, 0 dead-lettered, 2 not processed", Display(pool));

        static string? Display(WorkerPool<int, int> pool) =>
            (string?)typeof(WorkerPool<int, int>).GetProperty("DebuggerDisplay", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(pool);
    }
}

/// <summary>
/// A stress of the one race that broke exactly-once accounting during the redesign: cancellation landing just as a worker
/// starts to wait for room in a full result channel. With a cancellable WriteAsync there, the pool once counted a job both
/// as a result and as not processed (seen on .NET 10.0.12); the pool now waits for room without a token and writes with TryWrite.
/// </summary>
public class WorkerPoolCancellationStressTests
{
    [Fact]
    public async Task Cancelling_while_workers_wait_for_room_in_Results_never_counts_a_job_twice()
    {
        var failures = new List<string>();
        for (var run = 0; run < 3000 && failures.Count == 0; run++)
        {
            using var cts = new CancellationTokenSource();
            var succeeded = 0;
            var report = await WorkerPool.RunAsync(Enumerable.Range(0, 44), 13, async (x, ct) =>
            {
                if (x % 2 == 0)
                    await Task.Yield();
                ct.ThrowIfCancellationRequested();
                if (Interlocked.Increment(ref succeeded) == 22)
                    cts.Cancel(); // cancels while other workers are blocked on the 2-slot result channel
                return x;
            }, new WorkerPoolOptions { JobCapacity = 5, ResultCapacity = 2 }, cts.Token).Within();

            if (!report.IsFullyAccounted)
                failures.Add($"run {run}: {report}");
        }
        Assert.Empty(failures);
    }
}
