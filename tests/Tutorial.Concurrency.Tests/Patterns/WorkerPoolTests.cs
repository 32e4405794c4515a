using System.Diagnostics;

namespace Tutorial.Concurrency.Tests.Patterns;

public class WorkerPoolTests
{
    private static ValueTask<int> Double(int x, CancellationToken _) => ValueTask.FromResult(x * 2);

    private static async Task<(List<Result<int>> Results, List<DeadLetter<int>> DeadLetters)> DrainAsync(WorkerPool<int, int> pool)
    {
        var results = pool.Results.ToListAsync();
        var deadLetters = pool.DeadLetters.ToListAsync();
        await pool.Completion.Within();
        return (await results.Within(), await deadLetters.Within());
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

    [Fact]
    public void Start_rejects_a_negative_JobCapacity()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WorkerPool.Start<int, int>(1, Double, new WorkerPoolOptions { JobCapacity = -1 }));

        Assert.Equal("JobCapacity", error.ParamName);
        Assert.Contains("JobCapacity must be 0", error.Message);
    }

    [Fact]
    public void Options_default_to_one_attempt_a_queue_per_worker_and_no_recording()
    {
        var options = new WorkerPoolOptions();

        Assert.Null(options.JobCapacity);
        Assert.Equal(1, options.MaxAttempts);
        Assert.Null(options.ShouldRetry);
        Assert.Null(options.Timeline);
    }

    [Fact]
    public async Task Processes_every_submitted_job_exactly_once()
    {
        var pool = WorkerPool.Start<int, int>(4, Double);
        Assert.Equal(4, pool.WorkerCount);

        var ids = new List<int>();
        for (var i = 0; i < 100; i++)
            ids.Add(await pool.SubmitAsync(1000 + i).Within());
        pool.Complete();
        var (results, deadLetters) = await DrainAsync(pool);

        Assert.Equal(Enumerable.Range(0, 100), ids); // ids follow submission order
        Assert.Equal(ids, results.Select(r => r.JobId).Order());
        Assert.All(results, r => Assert.Equal((1000 + r.JobId) * 2, r.Value));
        Assert.Empty(deadLetters);
        Assert.Empty(pool.NotProcessed);
        Assert.Equal(100, pool.Submitted);
        Assert.Equal(100, pool.Succeeded);
        Assert.Equal(0, pool.DeadLettered);
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
                await pool.SubmitAsync(i);
            pool.Complete();
        });
        var (results, _) = await DrainAsync(pool);
        await submitting.Within();

        Assert.Equal(workers * 10, results.Count);
        Assert.Equal(workers, peak);
    }

    [Fact]
    public async Task An_unbuffered_job_channel_hands_jobs_straight_to_workers()
    {
        var pool = WorkerPool.Start<int, int>(2, Double, new WorkerPoolOptions { JobCapacity = 0 });

        for (var i = 0; i < 20; i++)
            await pool.SubmitAsync(i).Within();
        pool.Complete();
        var (results, _) = await DrainAsync(pool);

        Assert.Equal(20, results.Count);
    }

    [Fact]
    public async Task SubmitAsync_waits_while_the_job_channel_is_full()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(1, jobs.Work, new WorkerPoolOptions { JobCapacity = 1 });

        Assert.Equal(0, await pool.SubmitAsync(0).Within());
        await jobs.Started(0).Within();                        // the only worker is busy with job 0
        Assert.Equal(1, await pool.SubmitAsync(1).Within());   // job 1 takes the only queue slot
        var third = pool.SubmitAsync(2).AsTask();

        await Safety.AssertStaysPending(third);                 // backpressure: no room, so the submitter waits
        Assert.False(jobs.HasStarted(1));

        jobs.Release(0);                                        // the worker takes job 1, which frees the slot
        Assert.Equal(2, await third.Within());
        await jobs.Started(1).Within();

        jobs.ReleaseAll([1, 2]);
        pool.Complete();
        var (results, _) = await DrainAsync(pool);
        Assert.Equal(new[] { 0, 1, 2 }, results.Select(r => r.JobId).Order());
    }

    [Fact]
    public async Task TrySubmit_accepts_only_when_there_is_room_right_now()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(1, jobs.Work, new WorkerPoolOptions { JobCapacity = 1 });

        Assert.True(pool.TrySubmit(0, out var first));
        Assert.Equal(0, first);
        await jobs.Started(0).Within();
        Assert.True(pool.TrySubmit(1, out var second));
        Assert.Equal(1, second);

        Assert.False(pool.TrySubmit(2, out var refused));
        Assert.Equal(-1, refused);
        Assert.Equal(2, pool.Submitted);

        jobs.ReleaseAll([0, 1]);
        pool.Complete();
        Assert.False(pool.TrySubmit(3, out refused));
        Assert.Equal(-1, refused);
        var (results, _) = await DrainAsync(pool);
        Assert.Equal(2, results.Count);
    }

    [Fact]
    public async Task Complete_with_jobs_queued_finishes_them_all_then_completes_the_channels()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(2, jobs.Work, new WorkerPoolOptions { JobCapacity = 10 });
        for (var i = 0; i < 10; i++)
            await pool.SubmitAsync(i).Within();
        await Task.WhenAll(jobs.Started(0), jobs.Started(1)).Within();

        pool.Complete();
        pool.Complete(); // idempotent, like a second close that Go would reject but a shutdown path may repeat
        await Safety.AssertStaysPending(pool.Completion);
        Assert.False(pool.Results.Completion.IsCompleted);

        jobs.ReleaseAll(Enumerable.Range(0, 10));
        var (results, deadLetters) = await DrainAsync(pool);

        Assert.Equal(Enumerable.Range(0, 10), results.Select(r => r.JobId).Order());
        Assert.Empty(deadLetters);
        Assert.Empty(pool.NotProcessed);
        await pool.Results.Completion.Within();
        await pool.DeadLetters.Completion.Within();
    }

    [Fact]
    public async Task Results_arrive_in_the_order_jobs_finish()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(2, jobs.Work);
        await pool.SubmitAsync(0).Within();
        await pool.SubmitAsync(1).Within();
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
    public async Task A_job_failing_every_attempt_is_dead_lettered_with_each_attempts_error()
    {
        var attempts = 0;
        var pool = WorkerPool.Start<int, int>(1, (x, _) =>
        {
            var attempt = Interlocked.Increment(ref attempts);
            throw new InvalidOperationException($"attempt {attempt}");
        }, new WorkerPoolOptions { MaxAttempts = 3 });

        await pool.SubmitAsync(42).Within();
        pool.Complete();
        var (results, deadLetters) = await DrainAsync(pool);

        Assert.Empty(results);
        var letter = Assert.Single(deadLetters);
        Assert.Equal(new Job<int>(0, 42), letter.Job);
        Assert.Equal(3, letter.Attempts);
        Assert.Equal(new[] { "attempt 1", "attempt 2", "attempt 3" }, letter.Errors.Select(e => e.Message));
        Assert.Equal("attempt 3", letter.LastError.Message);
        Assert.Equal(1, pool.DeadLettered);
        Assert.Equal(0, pool.Succeeded);
    }

    [Fact]
    public async Task A_retried_job_that_then_succeeds_reports_its_attempts()
    {
        var attempts = 0;
        var pool = WorkerPool.Start<int, int>(1, (x, _) =>
            Interlocked.Increment(ref attempts) < 3 ? throw new TimeoutException("flaky") : ValueTask.FromResult(x),
            new WorkerPoolOptions { MaxAttempts = 5 });

        await pool.SubmitAsync(9).Within();
        pool.Complete();
        var (results, deadLetters) = await DrainAsync(pool);

        var result = Assert.Single(results);
        Assert.Equal(9, result.Value);
        Assert.Equal(3, result.Attempts);
        Assert.Empty(deadLetters);
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

        await pool.SubmitAsync(0).Within();
        await pool.SubmitAsync(1).Within();
        pool.Complete();
        var (_, deadLetters) = await DrainAsync(pool);

        Assert.Equal(1, deadLetters.Single(d => d.Job.Input == 0).Attempts);
        Assert.Equal(4, deadLetters.Single(d => d.Job.Input == 1).Attempts);
        Assert.Equal(5, calls);
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
            await pool.SubmitAsync(i).Within();
        pool.Complete();
        var (results, deadLetters) = await DrainAsync(pool);

        Assert.Equal(10, results.Count);
        Assert.Equal(20, deadLetters.Count);
        Assert.True(pool.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Cancel_reports_queued_and_running_jobs_as_not_processed_and_shuts_down_promptly()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(2, jobs.Work, new WorkerPoolOptions { JobCapacity = 5 });
        for (var i = 0; i < 3; i++)
            await pool.SubmitAsync(i).Within();
        await Task.WhenAll(jobs.Started(0), jobs.Started(1)).Within();
        jobs.Release(0);
        Assert.Equal(0, (await pool.Results.ReadAsync().AsTask().Within()).JobId); // job 0 finished before the cancel
        await jobs.Started(2).Within();
        for (var i = 3; i < 8; i++)
            await pool.SubmitAsync(i).Within();                                     // jobs 3-7 fill the queue

        var clock = Stopwatch.StartNew();
        pool.Cancel();
        var (results, deadLetters) = await DrainAsync(pool);
        clock.Stop();

        Assert.Empty(results);
        Assert.Empty(deadLetters);
        Assert.Equal(Enumerable.Range(1, 7), pool.NotProcessed.Select(j => j.Id).Order());
        Assert.All(pool.NotProcessed, j => Assert.Equal(j.Id, j.Input));
        Assert.All(Enumerable.Range(3, 5), i => Assert.False(jobs.HasStarted(i), $"queued job {i} started after the cancel"));
        Assert.Equal(8, pool.Submitted);
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
        await pool.SubmitAsync(5).Within();
        await started.Task.Within();

        pool.Cancel();
        release.SetResult();
        var (results, _) = await DrainAsync(pool);

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
        await pool.SubmitAsync(1).Within();
        await started.Task.Within();

        pool.Cancel();
        release.SetResult();
        var (results, deadLetters) = await DrainAsync(pool);

        Assert.Empty(results);
        Assert.Empty(deadLetters);
        Assert.Equal(0, Assert.Single(pool.NotProcessed).Id);
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
        await pool.SubmitAsync(1).Within();

        var token = await seen.Task.Within();
        Assert.Equal(pool.CancellationToken, token);
        Assert.False(token.IsCancellationRequested);
        cts.Cancel();
        await DrainAsync(pool);

        Assert.True(token.IsCancellationRequested);
        Assert.Equal(0, Assert.Single(pool.NotProcessed).Id);
    }

    [Fact]
    public async Task SubmitAsync_after_Complete_throws_InvalidOperationException()
    {
        var pool = WorkerPool.Start<int, int>(1, Double);
        pool.Complete();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => pool.SubmitAsync(1).Within());

        Assert.Contains("submit on completed worker pool", error.Message);
        await pool.Completion.Within();
        Assert.Equal(0, pool.Submitted);
    }

    [Fact]
    public async Task A_submit_waiting_for_room_fails_with_InvalidOperationException_when_the_pool_is_completed()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(1, jobs.Work, new WorkerPoolOptions { JobCapacity = 0 });
        await pool.SubmitAsync(0).Within();
        await jobs.Started(0).Within();
        var waiting = pool.SubmitAsync(1).AsTask();
        await Safety.AssertStaysPending(waiting);

        pool.Complete();

        await Assert.ThrowsAsync<InvalidOperationException>(() => waiting.Within());
        jobs.Release(0);
        var (results, _) = await DrainAsync(pool);
        Assert.Single(results);
        Assert.Equal(1, pool.Submitted);
    }

    [Fact]
    public async Task SubmitAsync_after_Cancel_throws_OperationCanceledException()
    {
        var pool = WorkerPool.Start<int, int>(1, Double);
        pool.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pool.SubmitAsync(1).Within());
        Assert.False(pool.TrySubmit(1, out var id));
        Assert.Equal(-1, id);
        await pool.Completion.Within();
    }

    [Fact]
    public async Task A_submit_waiting_for_room_fails_with_OperationCanceledException_when_the_pool_is_cancelled()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(1, jobs.Work, new WorkerPoolOptions { JobCapacity = 0 });
        await pool.SubmitAsync(0).Within();
        await jobs.Started(0).Within();
        var waiting = pool.SubmitAsync(1).AsTask();
        await Safety.AssertStaysPending(waiting);

        pool.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Within());
        await DrainAsync(pool);
        Assert.Equal(0, Assert.Single(pool.NotProcessed).Id);
        Assert.Equal(1, pool.Submitted);
    }

    [Fact]
    public async Task SubmitAsync_token_abandons_only_that_submission()
    {
        var jobs = new GatedJobs();
        var pool = WorkerPool.Start<int, int>(1, jobs.Work, new WorkerPoolOptions { JobCapacity = 0 });
        await pool.SubmitAsync(0).Within();
        await jobs.Started(0).Within();
        using var cts = new CancellationTokenSource();
        var waiting = pool.SubmitAsync(1, cts.Token).AsTask();

        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Within());
        Assert.False(pool.CancellationToken.IsCancellationRequested);
        Assert.Equal(1, pool.Submitted);
        jobs.ReleaseAll([0, 2]);
        await pool.SubmitAsync(2).Within();
        pool.Complete();
        var (results, _) = await DrainAsync(pool);
        Assert.Equal(new[] { 0, 2 }, results.Select(r => r.Value).Order());
    }

    [Fact]
    public async Task A_pool_started_with_a_cancelled_token_accepts_nothing_and_completes()
    {
        var pool = WorkerPool.Start<int, int>(2, Double, cancellationToken: new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pool.SubmitAsync(1).Within());
        var (results, deadLetters) = await DrainAsync(pool);

        Assert.Empty(results);
        Assert.Empty(deadLetters);
        Assert.Equal(0, pool.Submitted);
    }

    [Fact]
    public async Task Timeline_records_every_attempt_with_the_worker_that_ran_it()
    {
        var timeline = new Tutorial.Concurrency.Measurement.Timeline();
        var failedOnce = 0;
        var pool = WorkerPool.Start<int, int>(2, async (x, _) =>
        {
            await Task.Yield();
            if (x == 5 && Interlocked.Exchange(ref failedOnce, 1) == 0)
                throw new TimeoutException("first attempt fails");
            return x;
        }, new WorkerPoolOptions { Timeline = timeline, MaxAttempts = 2 });

        for (var i = 0; i < 6; i++)
            await pool.SubmitAsync(i).Within();
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
    public async Task A_throwing_ShouldRetry_dead_letters_the_job_instead_of_killing_a_worker()
    {
        var predicateError = new NotSupportedException("predicate broke");
        var pool = WorkerPool.Start<int, int>(1, (x, _) =>
            x == 0 ? throw new InvalidOperationException("job failed") : ValueTask.FromResult(x),
            new WorkerPoolOptions { MaxAttempts = 3, ShouldRetry = _ => throw predicateError });

        await pool.SubmitAsync(0).Within();
        await pool.SubmitAsync(1).Within();
        pool.Complete();
        var (results, deadLetters) = await DrainAsync(pool);

        Assert.Equal(1, Assert.Single(results).Value);
        var letter = Assert.Single(deadLetters);
        Assert.Equal(0, letter.Job.Id);
        Assert.Equal(1, letter.Attempts);
        var error = Assert.IsType<AggregateException>(letter.LastError);
        Assert.Equal("job failed", error.InnerExceptions[0].Message);
        Assert.Same(predicateError, error.InnerExceptions[1]);
        Assert.True(pool.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task DisposeAsync_shuts_down_gracefully_and_later_submissions_are_refused()
    {
        var pool = WorkerPool.Start<int, int>(2, Double, new WorkerPoolOptions { JobCapacity = 10 });
        for (var i = 0; i < 10; i++)
            await pool.SubmitAsync(i).Within();
        var results = pool.Results.ToListAsync();

        await pool.DisposeAsync().Within();

        Assert.True(pool.Completion.IsCompletedSuccessfully);
        Assert.Equal(10, (await results.Within()).Count);
        await Assert.ThrowsAsync<InvalidOperationException>(() => pool.SubmitAsync(1).Within());
        Assert.False(pool.TrySubmit(1, out _));
        pool.Cancel(); // harmless after disposal
        Assert.False(pool.CancellationToken.IsCancellationRequested);
        await pool.DisposeAsync().Within(); // so is a second dispose
    }
}
