namespace Tutorial.Concurrency.Tests.Patterns;

public class FanOutTests
{
    [Fact]
    public async Task Each_result_carries_the_id_the_caller_gave_its_job()
    {
        var ids = new[] { 7, 3, 11, 5 };

        var results = await FanOut.Start(ids, (x, _) => ValueTask.FromResult(x * 2)).ToListAsync().Within();

        Assert.Equal(ids.Order(), results.Select(r => r.JobId).Order());
        Assert.All(results, r =>
        {
            Assert.True(r.IsSuccess);
            Assert.Equal(r.JobId * 2, r.Value);
            Assert.Equal(1, r.Attempts);
        });
    }

    [Fact]
    public async Task Jobs_with_their_own_inputs_are_named_by_their_ids()
    {
        var jobs = new[] { new Job<string>(42, "cat.png"), new Job<string>(7, "dog.png") };

        var results = await FanOut.Start(jobs, (name, _) => ValueTask.FromResult(name.Length)).ToListAsync().Within();

        Assert.Equal(new[] { (7, 7), (42, 7) }, results.Select(r => (r.JobId, r.Value)).Order());
    }

    [Fact]
    public async Task No_inputs_gives_a_channel_that_is_already_complete()
    {
        var reader = FanOut.Start(Array.Empty<int>(), (x, _) => ValueTask.FromResult(x));

        await reader.Completion.Within();
        Assert.Empty(await reader.ToListAsync().Within());
    }

    [Fact]
    public async Task Runs_every_job_at_the_same_time()
    {
        const int jobs = 20;
        var running = 0;
        var allRunning = Safety.NewGate();

        // Each job waits until all of them have started: only one task per item can get past this.
        var results = await FanOut.Start(Enumerable.Range(0, jobs), async (x, _) =>
        {
            if (Interlocked.Increment(ref running) == jobs)
                allRunning.SetResult();
            await allRunning.Task;
            return x;
        }).ToListAsync().Within();

        Assert.Equal(jobs, results.Count(r => r.IsSuccess));
    }

    [Fact]
    public async Task Channel_completes_only_after_the_last_job_has_finished()
    {
        var gate = Safety.NewGate();
        var reader = FanOut.Start(Enumerable.Range(0, 5), async (x, _) =>
        {
            if (x == 4)
                await gate.Task;
            return x;
        });

        for (var i = 0; i < 4; i++)
            Assert.True((await reader.ReceiveAsync().Within()).Ok);
        await Safety.AssertStaysPending(reader.Completion);

        gate.SetResult();
        var (last, ok) = await reader.ReceiveAsync().Within();
        Assert.True(ok);
        Assert.Equal(4, last.JobId);
        await reader.Completion.Within();
        Assert.False((await reader.ReceiveAsync().Within()).Ok);
    }

    [Fact]
    public async Task Results_arrive_in_completion_order_not_input_order()
    {
        var releaseJob0 = Safety.NewGate();
        var reader = FanOut.Start(new[] { 0, 1 }, async (x, _) =>
        {
            if (x == 0)
                await releaseJob0.Task;
            return x;
        });

        // Job 0 cannot finish before we open its gate, and we only open it once job 1's result is in hand.
        var first = await reader.ReadAsync().AsTask().Within();
        releaseJob0.SetResult();
        var second = await reader.ReadAsync().AsTask().Within();

        Assert.Equal(1, first.JobId);
        Assert.Equal(0, second.JobId);
    }

    [Fact]
    public async Task Exceptions_become_failed_results_and_are_never_lost()
    {
        var results = await FanOut.Start(Enumerable.Range(0, 10), async (x, _) =>
        {
            await Task.Yield();
            if (x % 2 == 1)
                throw new InvalidOperationException($"odd {x}");
            return x;
        }).ToListAsync().Within();

        Assert.Equal(10, results.Count);
        Assert.All(results.Where(r => r.JobId % 2 == 0), r => Assert.True(r.IsSuccess));
        Assert.All(results.Where(r => r.JobId % 2 == 1), r =>
        {
            Assert.False(r.IsSuccess);
            var error = Assert.IsType<InvalidOperationException>(r.Error);
            Assert.Equal($"odd {r.JobId}", error.Message);
        });
    }

    [Fact]
    public async Task A_job_that_throws_before_returning_a_task_also_becomes_a_failed_result()
    {
        var results = await FanOut.Start(new[] { 0, 1 }, (x, _) => x == 1 ? throw new ArgumentException("sync throw") : ValueTask.FromResult(x))
            .ToListAsync().Within();

        Assert.Single(results, r => r.IsSuccess);
        Assert.IsType<ArgumentException>(Assert.Single(results, r => !r.IsSuccess).Error);
    }

    [Fact]
    public async Task Start_does_not_run_a_blocking_job_on_the_callers_thread()
    {
        using var gate = new ManualResetEventSlim();
        var sawGate = false;

        var reader = FanOut.Start(new[] { 0 }, (x, _) =>
        {
            sawGate = gate.Wait(Safety.Timeout);
            return ValueTask.FromResult(x);
        });
        gate.Set();

        Assert.True(Assert.Single(await reader.ToListAsync().Within()).IsSuccess);
        Assert.True(sawGate);
    }

    [Fact]
    public async Task Cancellation_turns_unfinished_jobs_into_cancelled_results_and_still_closes_the_channel()
    {
        using var cts = new CancellationTokenSource();
        var started = 0;
        var allStarted = Safety.NewGate();

        var reader = FanOut.Start(Enumerable.Range(0, 6), async (x, ct) =>
        {
            if (x == 0)
                return x; // finishes before the cancellation
            if (Interlocked.Increment(ref started) == 5)
                allStarted.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return x;
        }, cts.Token);

        await allStarted.Task.Within();
        cts.Cancel();
        var results = await reader.ToListAsync().Within();

        Assert.Equal(6, results.Count);
        Assert.True(Assert.Single(results, r => r.IsSuccess).JobId == 0);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.IsAssignableFrom<OperationCanceledException>(r.Error));
    }

    [Fact]
    public async Task An_already_cancelled_token_fails_every_job_without_running_it()
    {
        var ran = 0;

        var results = await FanOut.Start(Enumerable.Range(0, 4), (x, _) =>
        {
            Interlocked.Increment(ref ran);
            return ValueTask.FromResult(x);
        }, new CancellationToken(canceled: true)).ToListAsync().Within();

        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.IsAssignableFrom<OperationCanceledException>(r.Error));
        Assert.Equal(0, ran);
    }

    [Fact]
    public void Rejects_null_arguments()
    {
        Assert.Equal("jobIds", Assert.Throws<ArgumentNullException>(() => FanOut.Start<int>(null!, (x, _) => ValueTask.FromResult(x))).ParamName);
        Assert.Equal("work", Assert.Throws<ArgumentNullException>(() => FanOut.Start(new[] { 1 }, (Func<int, CancellationToken, ValueTask<int>>)null!)).ParamName);
        Assert.Equal("jobs", Assert.Throws<ArgumentNullException>(() => FanOut.Start<int, int>(null!, (x, _) => ValueTask.FromResult(x))).ParamName);
        Assert.Equal("work", Assert.Throws<ArgumentNullException>(() => FanOut.Start(new[] { new Job<int>(1, 1) }, (Func<int, CancellationToken, ValueTask<int>>)null!)).ParamName);
    }

    [Fact]
    public void An_input_sequence_that_throws_fails_the_call_before_any_job_starts()
    {
        var started = 0;
        IEnumerable<int> Inputs()
        {
            yield return 1;
            throw new InvalidOperationException("the database went away");
        }

        var error = Assert.Throws<InvalidOperationException>(() => FanOut.Start(Inputs(), (i, _) =>
        {
            Interlocked.Increment(ref started);
            return ValueTask.FromResult(i);
        }));
        Assert.Equal("the database went away", error.Message);
        Assert.Equal(0, Volatile.Read(ref started));
    }
}
