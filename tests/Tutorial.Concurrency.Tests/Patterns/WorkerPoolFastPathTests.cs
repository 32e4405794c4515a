using System.Threading.Channels;

namespace Tutorial.Concurrency.Tests.Patterns;

/// <summary>
/// The worker pool's fast paths (pull-mode RunAsync, synchronous job completion, the lock-free result channel) keep the
/// documented contract: every job accounted for once, failures and cancellation reported, Results behaving as a channel.
/// </summary>
public class WorkerPoolFastPathTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public async Task RunAsync_with_synchronous_work_returns_every_result_once_with_ids_in_input_order(int workers)
    {
        var report = await WorkerPool.RunAsync(Enumerable.Range(0, 20_000), workers, (x, _) => ValueTask.FromResult(x * 2)).WaitAsync(Timeout);

        Assert.Equal(20_000, report.Submitted);
        Assert.True(report.IsFullyAccounted);
        Assert.Empty(report.DeadLetters);
        Assert.Empty(report.NotProcessed);
        // Ids are given in input order, so job i carries input i.
        Assert.All(report.Results, r => Assert.Equal(r.JobId * 2, r.Value));
        Assert.Equal(Enumerable.Range(0, 20_000), report.Results.Select(r => r.JobId).Order());
    }

    [Fact]
    public async Task RunAsync_mixes_synchronous_and_asynchronous_jobs_failures_and_retries()
    {
        var attempts = new int[200];
        async ValueTask<int> Work(int x, CancellationToken ct)
        {
            var attempt = Interlocked.Increment(ref attempts[x]);
            if (x % 3 == 0)
                await Task.Yield();
            if (x % 10 == 0)
                throw new InvalidOperationException($"job {x} always fails");
            if (x % 7 == 0 && attempt == 1)
                throw new TimeoutException($"job {x} fails once");
            return x;
        }

        var report = await WorkerPool.RunAsync(Enumerable.Range(0, 200), 4, Work, new WorkerPoolOptions { MaxAttempts = 2 }).WaitAsync(Timeout);

        Assert.True(report.IsFullyAccounted);
        Assert.Equal(20, report.DeadLetters.Count);
        Assert.All(report.DeadLetters, d => Assert.Equal(2, d.Attempts));
        Assert.Equal(180, report.Results.Count);
        Assert.All(report.Results.Where(r => r.JobId % 7 == 0), r => Assert.Equal(2, r.Attempts));
        Assert.All(report.Results.Where(r => r.JobId % 7 != 0), r => Assert.Equal(1, r.Attempts));
    }

    [Fact]
    public async Task A_work_delegate_that_throws_synchronously_is_dead_lettered_like_a_faulted_task()
    {
        var report = await WorkerPool.RunAsync<int, int>([1, 2, 3], 2, (x, _) => x == 2 ? throw new FormatException("bad input 2") : ValueTask.FromResult(x))
            .WaitAsync(Timeout);

        var dead = Assert.Single(report.DeadLetters);
        Assert.Equal(1, dead.Job.Id);
        Assert.IsType<FormatException>(dead.LastError);
        Assert.Equal(2, report.Results.Count);
    }

    [Fact]
    public async Task RunAsync_rethrows_the_input_sequence_exception_after_the_running_jobs_end()
    {
        IEnumerable<int> Inputs()
        {
            for (var i = 0; i < 5; i++)
                yield return i;
            throw new IOException("the input file ended early");
        }

        var error = await Assert.ThrowsAsync<IOException>(() => WorkerPool.RunAsync(Inputs(), 2, (x, _) => ValueTask.FromResult(x)).WaitAsync(Timeout));
        Assert.Equal("the input file ended early", error.Message);
    }

    [Fact]
    public async Task RunAsync_disposes_the_input_enumerator()
    {
        var disposed = false;
        IEnumerable<int> Inputs()
        {
            try
            {
                yield return 1;
                yield return 2;
            }
            finally
            {
                disposed = true;
            }
        }

        await WorkerPool.RunAsync(Inputs(), 2, (x, _) => ValueTask.FromResult(x)).WaitAsync(Timeout);
        Assert.True(disposed);
    }

    [Fact]
    public async Task RunAsync_cancelled_mid_run_reports_running_jobs_as_not_processed_and_takes_no_more_inputs()
    {
        using var cts = new CancellationTokenSource();
        var started = 0;
        var twoRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async ValueTask<int> Work(int x, CancellationToken ct)
        {
            if (Interlocked.Increment(ref started) == 2)
                twoRunning.TrySetResult();
            await Task.Delay(System.Threading.Timeout.Infinite, ct);
            return x;
        }

        var run = WorkerPool.RunAsync(Enumerable.Range(0, 100), 2, Work, cancellationToken: cts.Token);
        await twoRunning.Task.WaitAsync(Timeout);
        cts.Cancel();
        var report = await run.WaitAsync(Timeout);

        Assert.Equal(2, report.Submitted);
        Assert.Equal(2, report.NotProcessed.Count);
        Assert.True(report.IsFullyAccounted);
    }

    [Fact]
    public async Task RunAsync_records_every_attempt_on_the_timeline()
    {
        var timeline = new Tutorial.Concurrency.Measurement.Timeline();
        var report = await WorkerPool.RunAsync(Enumerable.Range(0, 50), 3, (x, _) => ValueTask.FromResult(x), new WorkerPoolOptions { Timeline = timeline })
            .WaitAsync(Timeout);

        Assert.Equal(50, report.Results.Count);
        Assert.Equal(50, timeline.Entries.Count);
        Assert.All(timeline.Entries, e => Assert.Matches("^worker [123]$", e.Lane));
    }

    [Fact]
    public async Task Results_read_by_several_readers_deliver_each_result_exactly_once_then_complete()
    {
        await using var pool = WorkerPool.Start<int, int>(4, (x, _) => ValueTask.FromResult(x));
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() => pool.Results.ToListAsync())).ToArray();
        for (var i = 0; i < 30_000; i++)
            await pool.SubmitAsync(i).AsTask().WaitAsync(Timeout);
        pool.Complete();

        var all = (await Task.WhenAll(readers).WaitAsync(Timeout)).SelectMany(r => r).Select(r => r.JobId).Order();
        Assert.Equal(Enumerable.Range(0, 30_000), all);
        await pool.Results.Completion.WaitAsync(Timeout);
        Assert.False(await pool.Results.WaitToReadAsync().AsTask().WaitAsync(Timeout));
        await Assert.ThrowsAsync<ChannelClosedException>(() => pool.Results.ReadAsync().AsTask().WaitAsync(Timeout));
    }

    [Fact]
    public async Task Results_completion_waits_until_the_last_result_is_read()
    {
        var pool = WorkerPool.Start<int, int>(1, (x, _) => ValueTask.FromResult(x));
        await pool.SubmitAsync(7).AsTask().WaitAsync(Timeout);
        await pool.DisposeAsync().AsTask().WaitAsync(Timeout);

        Assert.True(pool.Results.CanCount);
        Assert.Equal(1, pool.Results.Count);
        Assert.False(pool.Results.Completion.IsCompleted);
        Assert.True(pool.Results.TryPeek(out var peeked));
        Assert.Equal(7, peeked.Value);
        Assert.True(await pool.Results.WaitToReadAsync().AsTask().WaitAsync(Timeout));
        Assert.True(pool.Results.TryRead(out var result));
        Assert.Equal(7, result.Value);
        await pool.Results.Completion.WaitAsync(Timeout);
        Assert.False(pool.Results.TryRead(out _));
    }

    [Fact]
    public async Task A_waiting_results_reader_is_woken_by_a_result_and_by_completion()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var pool = WorkerPool.Start<int, int>(1, async (x, _) => await gate.Task);
        var waiting = pool.Results.WaitToReadAsync().AsTask();
        await pool.SubmitAsync(1).AsTask().WaitAsync(Timeout);
        Assert.False(waiting.IsCompleted);

        gate.SetResult(42);
        Assert.True(await waiting.WaitAsync(Timeout));
        Assert.True(pool.Results.TryRead(out var result));
        Assert.Equal(42, result.Value);

        var waitingForEnd = pool.Results.WaitToReadAsync().AsTask();
        pool.Complete();
        Assert.False(await waitingForEnd.WaitAsync(Timeout));
    }

    [Fact]
    public async Task A_cancelled_results_wait_throws_and_leaves_the_channel_usable()
    {
        await using var pool = WorkerPool.Start<int, int>(1, (x, _) => ValueTask.FromResult(x));
        using var cts = new CancellationTokenSource();
        var waiting = pool.Results.WaitToReadAsync(cts.Token).AsTask();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Timeout));

        await pool.SubmitAsync(5).AsTask().WaitAsync(Timeout);
        var read = await pool.Results.ReadAsync().AsTask().WaitAsync(Timeout);
        Assert.Equal(5, read.Value);
    }

    [Fact]
    public async Task SubmitAsync_on_a_completed_pool_fails_through_its_task_not_synchronously()
    {
        await using var pool = WorkerPool.Start<int, int>(1, (x, _) => ValueTask.FromResult(x));
        pool.Complete();

        var submit = pool.SubmitAsync(1); // Must not throw here.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => submit.AsTask().WaitAsync(Timeout));
        Assert.Contains("submit on completed worker pool", error.Message);
    }
}
