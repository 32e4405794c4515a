using System.Diagnostics;
using System.Threading.Channels;

namespace Tutorial.Concurrency.Tests.Patterns;

/// <summary>The pool driven by hand: Start, SubmitAsync, Complete, Cancel, DisposeAsync, and what each promises.</summary>
public class WorkerPoolTests
{
    private static ValueTask<int> Double(int x, CancellationToken _) => ValueTask.FromResult(x * 2);

    private static Job<int> J(int id) => new(id, id);

    private static async Task<List<Result<int>>> DrainAsync(WorkerPool<int, int> pool)
    {
        var results = pool.Results.ToListAsync();
        await pool.Completion.Within();
        return await results.Within();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Start_rejects_fewer_than_one_worker(int workers)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WorkerPool.Start<int, int>(workers, Double));

        Assert.Equal("workerCount", error.ParamName);
    }

    [Fact]
    public void Start_rejects_null_work()
    {
        Assert.Equal("work", Assert.Throws<ArgumentNullException>(() => WorkerPool.Start<int, int>(1, null!)).ParamName);
    }

    [Fact]
    public void Start_rejects_MaxAttempts_below_one()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WorkerPool.Start<int, int>(1, Double, new WorkerPoolOptions { MaxAttempts = 0 }));

        Assert.Equal("MaxAttempts", error.ParamName);
        Assert.Contains("MaxAttempts must be at least 1", error.Message);
    }

    [Theory]
    [InlineData("JobCapacity")]
    [InlineData("ResultCapacity")]
    public void Start_rejects_a_capacity_below_one(string option)
    {
        var options = option == "JobCapacity" ? new WorkerPoolOptions { JobCapacity = 0 } : new WorkerPoolOptions { ResultCapacity = 0 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WorkerPool.Start<int, int>(1, Double, options));

        Assert.Equal(option, error.ParamName);
        Assert.Contains($"{option} must be at least 1", error.Message);
    }

    [Fact]
    public void Options_default_to_1024_on_each_channel_one_attempt_and_no_recording()
    {
        var options = new WorkerPoolOptions();

        Assert.Equal(1024, options.JobCapacity);
        Assert.Equal(1024, options.ResultCapacity);
        Assert.Equal(1, options.MaxAttempts);
        Assert.Null(options.ShouldRetry);
        Assert.Null(options.Timeline);
    }

    [Fact]
    public async Task Processes_every_submitted_job_exactly_once_under_the_callers_id()
    {
        var pool = WorkerPool.Start<int, int>(4, Double);
        Assert.Equal(4, pool.WorkerCount);

        for (var i = 0; i < 100; i++)
            await pool.SubmitAsync(new Job<int>(1000 + i, i)).Within();
        pool.Complete();
        var results = await DrainAsync(pool);

        Assert.Equal(Enumerable.Range(1000, 100), results.Select(r => r.JobId).Order());
        Assert.All(results, r => Assert.Equal((r.JobId - 1000) * 2, r.Value));
        Assert.Empty(pool.DeadLetters);
        Assert.Empty(pool.NotProcessed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public async Task Never_runs_more_jobs_at_once_than_WorkerCount_and_does_reach_it(int workers)
    {
        var running = 0;
        var peak = 0;
        var allWorkersBusy = Safety.NewGate();
        var pool = WorkerPool.Start<int, int>(workers, async (x, _) =>
        {
            var now = Interlocked.Increment(ref running);
            Safety.RaiseMax(ref peak, now);
            if (now == workers)
                allWorkersBusy.TrySetResult();
            // The first wave waits until every worker is busy, which proves the pool really runs WorkerCount jobs at once.
            await allWorkersBusy.Task;
            await Task.Yield();
            Interlocked.Decrement(ref running);
            return x;
        });

        var submitting = Task.Run(async () =>
        {
            for (var i = 0; i < workers * 10; i++)
                await pool.SubmitAsync(J(i));
            pool.Complete();
        });
        var results = await DrainAsync(pool);
        await submitting.Within();

        Assert.Equal(workers * 10, results.Count);
        Assert.Equal(workers, peak);
    }

    [Fact]
    public async Task Channels_with_room_for_one_still_carry_every_job_and_result()
    {
        var pool = WorkerPool.Start<int, int>(2, Double, new WorkerPoolOptions { JobCapacity = 1, ResultCapacity = 1 });
        var results = pool.Results.ToListAsync();

        for (var i = 0; i < 20; i++)
            await pool.SubmitAsync(J(i)).Within();
        pool.Complete();
        await pool.Completion.Within();

        Assert.Equal(Enumerable.Range(0, 20), (await results.Within()).Select(r => r.JobId).Order());
    }

    [Fact]
    public async Task SubmitAsync_waits_while_the_job_channel_is_full()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(1, jobs.Work, new WorkerPoolOptions { JobCapacity = 1 });

        await pool.SubmitAsync(J(0)).Within();
        await jobs.Started(0).Within();                        // the only worker is busy with job 0
        await pool.SubmitAsync(J(1)).Within();                 // job 1 takes the only queue slot
        var third = pool.SubmitAsync(J(2)).AsTask();

        await Safety.AssertStaysPending(third);                 // backpressure: no room, so the submitter waits
        Assert.False(jobs.HasStarted(1));

        jobs.Release(0);                                        // the worker takes job 1, which frees the slot
        await third.Within();
        await jobs.Started(1).Within();

        jobs.ReleaseAll([1, 2]);
        pool.Complete();
        Assert.Equal(new[] { 0, 1, 2 }, (await DrainAsync(pool)).Select(r => r.JobId).Order());
    }

    [Fact]
    public async Task Complete_with_jobs_queued_finishes_them_all_then_completes_Results()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(2, jobs.Work, new WorkerPoolOptions { JobCapacity = 10 });
        for (var i = 0; i < 10; i++)
            await pool.SubmitAsync(J(i)).Within();
        await Task.WhenAll(jobs.Started(0), jobs.Started(1)).Within();

        pool.Complete();
        pool.Complete(); // idempotent, like a second close that Go would reject but a shutdown path may repeat
        await Safety.AssertStaysPending(pool.Completion);
        Assert.False(pool.Results.Completion.IsCompleted);

        jobs.ReleaseAll(Enumerable.Range(0, 10));
        var results = await DrainAsync(pool);

        Assert.Equal(Enumerable.Range(0, 10), results.Select(r => r.JobId).Order());
        Assert.Empty(pool.DeadLetters);
        Assert.Empty(pool.NotProcessed);
        await pool.Results.Completion.Within();
    }

    [Fact]
    public async Task Results_arrive_in_the_order_jobs_finish()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(2, jobs.Work);
        await pool.SubmitAsync(J(0)).Within();
        await pool.SubmitAsync(J(1)).Within();
        await Task.WhenAll(jobs.Started(0), jobs.Started(1)).Within();

        jobs.Release(1);
        var first = await pool.Results.ReadAsync().AsTask().Within();
        jobs.Release(0);
        var second = await pool.Results.ReadAsync().AsTask().Within();

        Assert.Equal((1, 0), (first.JobId, second.JobId));
        pool.Complete();
        await pool.Completion.Within();
    }

    [Fact]
    public async Task Results_left_unread_after_shutdown_stay_readable_then_the_channel_ends()
    {
        var pool = WorkerPool.Start<int, int>(1, Double);
        await pool.SubmitAsync(J(7)).Within();
        pool.Complete();
        await pool.Completion.Within();

        Assert.Equal(14, (await pool.Results.ReadAsync().AsTask().Within()).Value);
        await pool.Results.Completion.Within();
        await Assert.ThrowsAsync<ChannelClosedException>(() => pool.Results.ReadAsync().AsTask().Within());
    }

    [Fact]
    public async Task A_job_failing_every_attempt_is_dead_lettered_with_each_attempts_error()
    {
        var attempts = 0;
        var pool = WorkerPool.Start<int, int>(1, (x, _) =>
        {
            var attempt = Interlocked.Increment(ref attempts);
            throw new InvalidOperationException($"attempt {attempt}");
        }, new WorkerPoolOptions { MaxAttempts = 3 });

        await pool.SubmitAsync(new Job<int>(5, 42)).Within();
        pool.Complete();
        var results = await DrainAsync(pool);

        Assert.Empty(results);
        var letter = Assert.Single(pool.DeadLetters);
        Assert.Equal(new Job<int>(5, 42), letter.Job);
        Assert.Equal(3, letter.Attempts);
        Assert.Equal(new[] { "attempt 1", "attempt 2", "attempt 3" }, letter.Errors.Select(e => e.Message));
        Assert.Equal("job 5: dead after 3 attempts: attempt 3", letter.ToString());
    }

    [Fact]
    public async Task A_retried_job_that_then_succeeds_reports_its_attempts()
    {
        var attempts = 0;
        var pool = WorkerPool.Start<int, int>(1, (x, _) =>
            Interlocked.Increment(ref attempts) < 3 ? throw new TimeoutException("flaky") : ValueTask.FromResult(x),
            new WorkerPoolOptions { MaxAttempts = 5 });

        await pool.SubmitAsync(J(9)).Within();
        pool.Complete();
        var result = Assert.Single(await DrainAsync(pool));

        Assert.Equal(9, result.Value);
        Assert.Equal(3, result.Attempts);
        Assert.Empty(pool.DeadLetters);
    }

    [Fact]
    public async Task ShouldRetry_false_sends_the_job_to_the_dead_letter_queue_at_once()
    {
        var calls = 0;
        var pool = WorkerPool.Start<int, int>(1, (x, _) =>
        {
            Interlocked.Increment(ref calls);
            throw x == 0 ? new ArgumentException("bad input") : new TimeoutException("slow");
        }, new WorkerPoolOptions { MaxAttempts = 4, ShouldRetry = e => e is TimeoutException });

        await pool.SubmitAsync(J(0)).Within();
        await pool.SubmitAsync(J(1)).Within();
        pool.Complete();
        await DrainAsync(pool);

        Assert.Equal(1, pool.DeadLetters.Single(d => d.Job.Input == 0).Attempts);
        Assert.Equal(4, pool.DeadLetters.Single(d => d.Job.Input == 1).Attempts);
        Assert.Equal(5, calls);
    }

    [Fact]
    public async Task A_throwing_ShouldRetry_dead_letters_the_job_instead_of_killing_a_worker()
    {
        var predicateError = new NotSupportedException("predicate broke");
        var pool = WorkerPool.Start<int, int>(1, (x, _) =>
            x == 0 ? throw new InvalidOperationException("job failed") : ValueTask.FromResult(x),
            new WorkerPoolOptions { MaxAttempts = 3, ShouldRetry = _ => throw predicateError });

        await pool.SubmitAsync(J(0)).Within();
        await pool.SubmitAsync(J(1)).Within();
        pool.Complete();
        var results = await DrainAsync(pool);

        Assert.Equal(1, Assert.Single(results).Value);
        var letter = Assert.Single(pool.DeadLetters);
        Assert.Equal(0, letter.Job.Id);
        Assert.Equal(1, letter.Attempts);
        var error = Assert.IsType<AggregateException>(letter.LastError);
        Assert.Equal("job failed", error.InnerExceptions[0].Message);
        Assert.Same(predicateError, error.InnerExceptions[1]);
        Assert.True(pool.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Exceptions_inside_jobs_never_kill_the_pool()
    {
        var pool = WorkerPool.Start<int, int>(1, async (x, _) =>
        {
            if (x % 3 == 0)
                throw new InvalidOperationException("thrown before the first await");
            await Task.Yield();
            if (x % 3 == 1)
                throw new NotSupportedException("thrown after an await");
            return x;
        });

        for (var i = 0; i < 30; i++)
            await pool.SubmitAsync(J(i)).Within();
        pool.Complete();
        var results = await DrainAsync(pool);

        Assert.Equal(10, results.Count);
        Assert.Equal(20, pool.DeadLetters.Count);
        Assert.True(pool.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_work_delegate_that_throws_synchronously_is_dead_lettered_like_a_faulted_task()
    {
        var pool = WorkerPool.Start<int, int>(2, (x, _) => x == 2 ? throw new FormatException("bad input 2") : ValueTask.FromResult(x));
        for (var i = 1; i <= 3; i++)
            await pool.SubmitAsync(J(i)).Within();
        pool.Complete();

        Assert.Equal(2, (await DrainAsync(pool)).Count);
        var dead = Assert.Single(pool.DeadLetters);
        Assert.Equal(2, dead.Job.Id);
        Assert.IsType<FormatException>(dead.LastError);
    }

    [Fact]
    public async Task Cancel_reports_queued_and_running_jobs_as_not_processed_and_shuts_down_promptly()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(2, jobs.Work, new WorkerPoolOptions { JobCapacity = 5 });
        for (var i = 0; i < 3; i++)
            await pool.SubmitAsync(J(i)).Within();
        await Task.WhenAll(jobs.Started(0), jobs.Started(1)).Within();
        jobs.Release(0);
        Assert.Equal(0, (await pool.Results.ReadAsync().AsTask().Within()).JobId); // job 0 finished before the cancel
        await jobs.Started(2).Within();
        for (var i = 3; i < 8; i++)
            await pool.SubmitAsync(J(i)).Within();                                   // jobs 3-7 fill the queue

        var clock = Stopwatch.StartNew();
        pool.Cancel();
        var results = await DrainAsync(pool);
        clock.Stop();

        Assert.Empty(results);
        Assert.Empty(pool.DeadLetters);
        Assert.Equal(Enumerable.Range(1, 7), pool.NotProcessed.Select(j => j.Id).Order());
        Assert.All(Enumerable.Range(3, 5), i => Assert.False(jobs.HasStarted(i), $"queued job {i} started after the cancel"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"shutdown after Cancel took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_running_job_that_ignores_cancellation_and_finishes_counts_as_a_result()
    {
        var release = Safety.NewGate();
        var started = Safety.NewGate();
        var pool = WorkerPool.Start<int, int>(1, async (x, _) =>
        {
            started.TrySetResult();
            await release.Task;
            return x;
        });
        await pool.SubmitAsync(J(5)).Within();
        await started.Task.Within();

        pool.Cancel();
        release.SetResult();
        var results = await DrainAsync(pool);

        Assert.Equal(5, Assert.Single(results).Value);
        Assert.Empty(pool.NotProcessed);
    }

    [Fact]
    public async Task A_job_failing_after_cancellation_is_not_retried_but_reported_not_processed()
    {
        var release = Safety.NewGate();
        var started = Safety.NewGate();
        var calls = 0;
        var pool = WorkerPool.Start<int, int>(1, async (x, _) =>
        {
            Interlocked.Increment(ref calls);
            started.TrySetResult();
            await release.Task;
            throw new TimeoutException("would be retried");
        }, new WorkerPoolOptions { MaxAttempts = 3 });
        await pool.SubmitAsync(J(1)).Within();
        await started.Task.Within();

        pool.Cancel();
        release.SetResult();
        var results = await DrainAsync(pool);

        Assert.Empty(results);
        Assert.Empty(pool.DeadLetters);
        Assert.Equal(1, Assert.Single(pool.NotProcessed).Id);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Jobs_receive_the_pools_token_and_the_start_token_cancels_the_pool()
    {
        using var cts = new CancellationTokenSource();
        var seen = Safety.NewGate<CancellationToken>();
        var pool = WorkerPool.Start<int, int>(1, async (x, ct) =>
        {
            seen.TrySetResult(ct);
            await Task.Delay(Timeout.Infinite, ct);
            return x;
        }, cancellationToken: cts.Token);
        await pool.SubmitAsync(J(3)).Within();

        var token = await seen.Task.Within();
        Assert.Equal(pool.CancellationToken, token);
        Assert.False(token.IsCancellationRequested);
        cts.Cancel();
        await DrainAsync(pool);

        Assert.True(token.IsCancellationRequested);
        Assert.Equal(3, Assert.Single(pool.NotProcessed).Id);
    }

    [Fact]
    public async Task SubmitAsync_after_Complete_fails_through_its_task_with_InvalidOperationException()
    {
        var pool = WorkerPool.Start<int, int>(1, Double);
        pool.Complete();

        var submit = pool.SubmitAsync(J(1)); // must not throw here
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => submit.Within());

        Assert.Contains("submit on completed worker pool", error.Message);
        await pool.Completion.Within();
    }

    [Fact]
    public async Task A_submit_waiting_for_room_fails_with_InvalidOperationException_when_the_pool_is_completed()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(1, jobs.Work, new WorkerPoolOptions { JobCapacity = 1 });
        await pool.SubmitAsync(J(0)).Within();
        await jobs.Started(0).Within();
        await pool.SubmitAsync(J(1)).Within();   // takes the only slot
        var waiting = pool.SubmitAsync(J(2)).AsTask();
        await Safety.AssertStaysPending(waiting);

        pool.Complete();

        await Assert.ThrowsAsync<InvalidOperationException>(() => waiting.Within());
        jobs.ReleaseAll([0, 1]);
        Assert.Equal(new[] { 0, 1 }, (await DrainAsync(pool)).Select(r => r.JobId).Order());
        Assert.Empty(pool.NotProcessed);
    }

    [Fact]
    public async Task SubmitAsync_after_Cancel_throws_OperationCanceledException()
    {
        var pool = WorkerPool.Start<int, int>(1, Double);
        pool.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pool.SubmitAsync(J(1)).Within());
        await pool.Completion.Within();
        Assert.Empty(pool.NotProcessed);
    }

    [Fact]
    public async Task A_submit_waiting_for_room_fails_with_OperationCanceledException_when_the_pool_is_cancelled()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(1, jobs.Work, new WorkerPoolOptions { JobCapacity = 1 });
        await pool.SubmitAsync(J(0)).Within();
        await jobs.Started(0).Within();
        await pool.SubmitAsync(J(1)).Within();   // takes the only slot
        var waiting = pool.SubmitAsync(J(2)).AsTask();
        await Safety.AssertStaysPending(waiting);

        pool.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Within());
        await DrainAsync(pool);
        Assert.Equal(new[] { 0, 1 }, pool.NotProcessed.Select(j => j.Id).Order()); // job 2 was never handed over
    }

    [Fact]
    public async Task SubmitAsync_token_abandons_only_that_submission()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(1, jobs.Work, new WorkerPoolOptions { JobCapacity = 1 });
        await pool.SubmitAsync(J(0)).Within();
        await jobs.Started(0).Within();
        await pool.SubmitAsync(J(1)).Within();   // takes the only slot
        using var cts = new CancellationTokenSource();
        var waiting = pool.SubmitAsync(J(2), cts.Token).AsTask();
        await Safety.AssertStaysPending(waiting);

        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Within());
        Assert.False(pool.CancellationToken.IsCancellationRequested);
        jobs.ReleaseAll([0, 1, 3]);
        await pool.SubmitAsync(J(3)).Within();
        pool.Complete();
        Assert.Equal(new[] { 0, 1, 3 }, (await DrainAsync(pool)).Select(r => r.Value).Order()); // job 2 never ran
    }

    [Fact]
    public async Task A_pool_started_with_a_cancelled_token_accepts_nothing_and_completes()
    {
        var pool = WorkerPool.Start<int, int>(2, Double, cancellationToken: new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pool.SubmitAsync(J(1)).Within());
        var results = await DrainAsync(pool);

        Assert.Empty(results);
        Assert.Empty(pool.DeadLetters);
        Assert.Empty(pool.NotProcessed);
    }

    [Fact]
    public async Task Timeline_records_every_attempt_with_the_worker_that_ran_it()
    {
        var timeline = new Timeline();
        var failedOnce = 0;
        var pool = WorkerPool.Start<int, int>(2, async (x, _) =>
        {
            await Task.Yield();
            if (x == 5 && Interlocked.Exchange(ref failedOnce, 1) == 0)
                throw new TimeoutException("first attempt fails");
            return x;
        }, new WorkerPoolOptions { Timeline = timeline, MaxAttempts = 2 });

        for (var i = 0; i < 6; i++)
            await pool.SubmitAsync(J(i)).Within();
        pool.Complete();
        await DrainAsync(pool);

        var entries = timeline.Entries;
        Assert.Equal(7, entries.Count);
        Assert.All(entries, e => Assert.Contains(e.Lane, new[] { "worker 1", "worker 2" }));
        Assert.Equal(Enumerable.Range(0, 6), entries.Select(e => e.JobId).Distinct().Order());
        Assert.Equal(5, Assert.Single(entries, e => !e.Succeeded).JobId);
        Assert.InRange(timeline.PeakConcurrency, 1, 2);
    }

    [Fact]
    public async Task Several_readers_of_Results_receive_each_result_exactly_once()
    {
        await using var pool = WorkerPool.Start<int, int>(4, Double, new WorkerPoolOptions { ResultCapacity = 16 });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() => pool.Results.ToListAsync())).ToArray();
        for (var i = 0; i < 30_000; i++)
            await pool.SubmitAsync(J(i)).Within();
        pool.Complete();

        var all = (await Task.WhenAll(readers).Within()).SelectMany(r => r).Select(r => r.JobId).Order();
        Assert.Equal(Enumerable.Range(0, 30_000), all);
    }

    [Fact]
    public async Task DisposeAsync_after_a_graceful_shutdown_cancels_nothing_and_later_submissions_are_refused()
    {
        var pool = WorkerPool.Start<int, int>(2, Double, new WorkerPoolOptions { JobCapacity = 10 });
        for (var i = 0; i < 10; i++)
            await pool.SubmitAsync(J(i)).Within();
        pool.Complete();
        var results = await DrainAsync(pool);

        await pool.DisposeAsync().Within();

        Assert.Equal(10, results.Count);
        Assert.Empty(pool.NotProcessed);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pool.SubmitAsync(J(1)).Within()); // disposing cancels
        pool.Cancel();                      // harmless after disposal
        await pool.DisposeAsync().Within(); // so is a second dispose
    }
}
