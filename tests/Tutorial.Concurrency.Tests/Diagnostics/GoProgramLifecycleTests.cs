using Tutorial.Concurrency.Diagnostics;
using System.Diagnostics;
using System.Threading.Channels;

namespace Tutorial.Concurrency.Tests.Diagnostics;

/// <summary>Panics, main's exceptions, isolation of runs, cancellation, the timeout fallback and bad input.</summary>
[Collection(DetectorCollection.Name)]
public sealed class GoProgramLifecycleTests
{
    [Fact]
    public async Task Exception_in_a_goroutine_ends_the_run_at_once_like_a_panic()
    {
        var clock = Stopwatch.StartNew();
        var panic = await Assert.ThrowsAsync<GoroutinePanicException>(() => Watched.Run(async go =>
        {
            var never = Chan.Make<int>(name: "never");
            go.Go("worker", () => throw new InvalidOperationException("boom"));
            // Main would wait forever (and is not parked long enough to be a deadlock first: the panic comes at once).
            await never.Reader.ReadAsync(go.CancellationToken);
        }, new GoProgramOptions { GracePeriod = TimeSpan.FromSeconds(5) }));

        Assert.True(clock.Elapsed < Watched.FastDiagnosis, $"took {clock.Elapsed}");
        Assert.IsType<InvalidOperationException>(panic.InnerException);
        Assert.Equal((2, "worker"), (panic.GoroutineId, panic.GoroutineName));
        Assert.StartsWith("panic: InvalidOperationException: boom", panic.Message, StringComparison.Ordinal);
        Assert.Contains("goroutine 2 [running]:", panic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exception_in_main_is_thrown_unchanged()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Watched.Run(_ => throw new ArgumentException("bad main")));
        Assert.Equal("bad main", error.Message);
    }

    [Fact]
    public async Task Exceptions_in_WaitGroup_Go_work_keep_WaitGroups_rule_and_surface_at_the_wait()
    {
        var error = await Assert.ThrowsAsync<AggregateException>(() => Watched.Run(async _ =>
        {
            var wg = new WaitGroup();
            wg.Go(() => throw new InvalidOperationException("worker failed"));
            await wg.WaitAsync();
        }));
        Assert.IsType<InvalidOperationException>(Assert.Single(error.InnerExceptions));
    }

    [Fact]
    public async Task Nested_run_that_deadlocks_does_not_disturb_the_outer_run()
    {
        DeadlockException? inner = null;
        var outerResult = 0;
        await Watched.Run(async go =>
        {
            var results = Chan.Make<int>(name: "outer results");
            go.Go("outer worker", async () =>
            {
                try
                {
                    await GoProgram.RunAsync(async () =>
                    {
                        var innerJobs = Chan.Make<int>(name: "inner jobs");
                        await innerJobs.Reader.ReadAsync();
                    });
                }
                catch (DeadlockException e)
                {
                    inner = e;
                }
                await results.Writer.WriteAsync(7);
            });
            outerResult = await results.Reader.ReadAsync();
        });

        Assert.Equal(7, outerResult);
        Assert.NotNull(inner);
        Watched.AssertDump(inner, "goroutine 1 [chan receive]: inner jobs");
    }

    [Fact]
    public async Task Parallel_runs_are_isolated_a_deadlock_in_one_does_not_end_the_other()
    {
        var slowFinished = false;
        // The sleeper waits on something the detector does not watch (so it counts as running) until the other run's
        // deadlock has been reported: no timing involved.
        var wakeUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = Watched.Run(async go =>
        {
            var tick = Chan.Make<int>(name: "tick");
            go.Go("sleepy", async () =>
            {
                await wakeUp.Task;
                await tick.Writer.WriteAsync(1);
            });
            await tick.Reader.ReadAsync();
            slowFinished = true;
        });
        var stuck = Watched.Run(async _ => await Chan.Make<int>(name: "stuck").Reader.ReadAsync());

        var report = await Assert.ThrowsAsync<DeadlockException>(() => stuck);
        Watched.AssertDump(report, "goroutine 1 [chan receive]: stuck");
        Assert.False(slow.IsCompleted);
        wakeUp.SetResult();
        await slow;
        Assert.True(slowFinished);
    }

    [Fact]
    public async Task Cancelling_the_callers_token_stops_the_run_at_once_and_cancels_the_programs_token()
    {
        using var cts = new CancellationTokenSource();
        var programToken = CancellationToken.None;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Watched.Run(
            async go =>
            {
                programToken = go.CancellationToken;
                started.SetResult();
                // Waiting on something the detector does not watch: only cancellation can end this run.
                await new TaskCompletionSource().Task;
            },
            cancellationToken: cts.Token);

        await started.Task.WaitAsync(Watched.SafetyNet);
        cts.Cancel();
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(cts.Token, cancelled.CancellationToken);
        Assert.True(programToken.IsCancellationRequested);
    }

    [Fact]
    public async Task An_already_cancelled_token_does_not_start_main()
    {
        var ran = false;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Watched.Run(
            _ =>
            {
                ran = true;
                return Task.CompletedTask;
            },
            cancellationToken: new CancellationToken(canceled: true)));
        Assert.False(ran);
    }

    [Fact]
    public async Task Timeout_fallback_names_what_was_still_alive()
    {
        var clock = Stopwatch.StartNew();
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => Watched.Run(
            async go =>
            {
                var jobs = Chan.Make<int>(name: "jobs");
                // A goroutine parked on an unwatched wait counts as running, so there is no deadlock to report...
                go.Go("waits on a plain Task", () => new TaskCompletionSource().Task);
                await jobs.Reader.ReadAsync();
            },
            new GoProgramOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

        // ...and the timeout ends it instead.
        Assert.True(clock.Elapsed < Watched.FastDiagnosis, $"took {clock.Elapsed}");
        Assert.Contains("did not finish within 0.3 s", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("goroutine 1 [chan receive]: jobs", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("goroutine 2 [running]:\n\twaits on a plain Task", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detection_can_be_switched_off_leaving_the_timeout()
    {
        await Assert.ThrowsAsync<TimeoutException>(() => Watched.Run(
            async _ => await Chan.Make<int>().Reader.ReadAsync(),
            new GoProgramOptions { DetectDeadlocks = false, Timeout = TimeSpan.FromMilliseconds(300) }));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_message()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => GoProgram.RunAsync((Func<GoProgram, Task>)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => GoProgram.RunAsync((Func<Task>)null!));
        var grace = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = GoProgram.RunAsync(() => Task.CompletedTask, new GoProgramOptions { GracePeriod = TimeSpan.Zero }); });
        Assert.Contains("GracePeriod", grace.Message, StringComparison.Ordinal);
        var timeout = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = GoProgram.RunAsync(() => Task.CompletedTask, new GoProgramOptions { Timeout = TimeSpan.FromSeconds(-2) }); });
        Assert.Contains("Timeout", timeout.Message, StringComparison.Ordinal);
        await Watched.Run(go =>
        {
            Assert.Throws<ArgumentNullException>(() => go.Go("x", (Func<Task>)null!));
            Assert.Throws<ArgumentNullException>(() => go.Go(null!, () => Task.CompletedTask));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Goroutine_returning_a_null_task_panics_with_a_message_saying_so()
    {
        var panic = await Assert.ThrowsAsync<GoroutinePanicException>(() => Watched.Run(async go =>
        {
            go.Go("nullish", () => null!);
            await Chan.Make<int>().Reader.ReadAsync(go.CancellationToken);
        }));
        Assert.Contains("returned a null Task", panic.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Current_is_the_running_program_inside_and_null_outside()
    {
        Assert.Null(GoProgram.Current);
        GoProgram? seen = null;
        GoProgram? handle = null;
        await Watched.Run(async go =>
        {
            handle = go;
            await Task.Yield();
            seen = GoProgram.Current;
        });
        Assert.Same(handle, seen);
        Assert.Null(GoProgram.Current);
    }

    [Fact]
    public void Outside_a_program_Chan_Make_returns_a_plain_channel()
    {
        Assert.IsNotType<WatchedChannel<int>>(Chan.Make<int>(0, "ignored"), exactMatch: false);
        Assert.IsNotType<WatchedChannel<int>>(Chan.Make<int>(5, "ignored"), exactMatch: false);
        Assert.IsNotType<WatchedChannel<int>>(Chan.MakeUnbounded<int>("ignored"), exactMatch: false);
    }

    [Fact]
    public async Task Inside_a_program_channels_are_ordinary_Channel_objects_that_behave_like_Gos()
    {
        await Watched.Run(async go =>
        {
            Channel<int> numbers = Chan.Make<int>(1, "numbers");
            Assert.IsType<WatchedChannel<int>>(numbers);

            await numbers.Writer.SendAsync(1);
            Assert.True(numbers.Reader.TryPeek(out var peeked));
            Assert.Equal(1, peeked);
            Assert.Equal(1, numbers.Reader.Count);
            numbers.Writer.Close();
            Assert.Equal((1, true), await numbers.Reader.ReceiveAsync());
            Assert.Equal((0, false), await numbers.Reader.ReceiveAsync());
            await numbers.Reader.Completion.WaitAsync(Watched.SafetyNet);
            await Assert.ThrowsAsync<ChannelClosedException>(async () => await numbers.Writer.SendAsync(2));

            // A pending write that the channel's closing fails.
            var full = Chan.Make<int>(0, "full");
            var pending = full.Writer.WriteAsync(1, go.CancellationToken);
            full.Writer.Complete();
            await Assert.ThrowsAsync<ChannelClosedException>(async () => await pending);

            // An error passed on close reaches the reader.
            var failing = Chan.Make<int>(name: "failing");
            go.Go("fails", () => failing.Writer.CloseWithError(new InvalidDataException("upstream broke")));
            await Assert.ThrowsAsync<InvalidDataException>(async () =>
            {
                await foreach (var _ in failing.Reader.ReadAllAsync())
                {
                }
            });
            await Assert.ThrowsAsync<InvalidDataException>(() => failing.Reader.Completion);

            // Cancelling a pending read.
            using var cts = new CancellationTokenSource();
            var read = Chan.Make<int>(name: "quiet").Reader.ReadAsync(cts.Token);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await read);
        });
    }
}
