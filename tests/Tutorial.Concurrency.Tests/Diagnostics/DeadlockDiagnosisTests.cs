using Tutorial.Concurrency.Diagnostics;
namespace Tutorial.Concurrency.Tests.Diagnostics;

/// <summary>The deadlocks the course teaches are each reported fast, with Go's header and dump.</summary>
[Collection(DetectorCollection.Name)]
public sealed class DeadlockDiagnosisTests
{
    [Fact]
    public async Task Range_over_a_channel_nobody_closes_is_reported_as_chan_receive()
    {
        var received = new List<int>();
        var (report, elapsed) = await Watched.ExpectDeadlock(async go =>
        {
            var jobs = Chan.Make<int>(name: "jobs");
            go.Go("producer", async () =>
            {
                for (var i = 1; i <= 3; i++)
                    await jobs.Writer.WriteAsync(i);
                // Missing: jobs.Writer.Complete();
            });
            await foreach (var job in jobs.Reader.ReadAllAsync())
                received.Add(job);
        });

        Assert.Equal([1, 2, 3], received);
        Assert.True(elapsed < Watched.FastDiagnosis, $"took {elapsed}");
        Watched.AssertDump(report, "goroutine 1 [chan receive]: jobs");
        var main = Assert.Single(report.BlockedGoroutines);
        Assert.Equal((1, "main", GoroutineWaitKind.ChanReceive, "jobs"), (main.Id, main.Name, main.WaitKind, main.Target));
        Assert.Contains("main, parked", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_on_an_unbuffered_channel_without_a_receiver_is_reported_as_chan_send()
    {
        var (report, elapsed) = await Watched.ExpectDeadlock(async _ =>
        {
            var results = Chan.Make<string>(0, "results");
            await results.Writer.WriteAsync("nobody is listening");
        });

        Assert.True(elapsed < Watched.FastDiagnosis, $"took {elapsed}");
        Watched.AssertDump(report, "goroutine 1 [chan send]: results");
        Assert.Equal(GoroutineWaitKind.ChanSend, report.BlockedGoroutines[0].WaitKind);
        Assert.Equal("chan send", report.BlockedGoroutines[0].GoStatus);
    }

    [Fact]
    public async Task Send_on_a_full_buffered_channel_is_reported_as_chan_send()
    {
        var (report, _) = await Watched.ExpectDeadlock(async _ =>
        {
            var queue = Chan.Make<int>(2, "queue");
            await queue.Writer.SendAsync(1);
            await queue.Writer.SendAsync(2);
            await queue.Writer.SendAsync(3);
        });

        Watched.AssertDump(report, "goroutine 1 [chan send]: queue");
    }

    [Fact]
    public async Task WaitGroup_with_a_missing_Done_is_reported_as_sync_WaitGroup_Wait()
    {
        var (report, elapsed) = await Watched.ExpectDeadlock(async go =>
        {
            var wg = new WaitGroup();
            wg.Add(3);
            for (var i = 0; i < 2; i++)
            {
                go.Go("worker", async () =>
                {
                    await Task.Yield();
                    wg.Done();
                });
            }
            await wg.WaitAsync();
        });

        Assert.True(elapsed < Watched.FastDiagnosis, $"took {elapsed}");
        Watched.AssertDump(report, "goroutine 1 [sync.WaitGroup.Wait]: WaitGroup (counter 1)");
        Assert.Equal("sync.WaitGroup.Wait", report.BlockedGoroutines[0].GoStatus);
    }

    [Fact]
    public async Task Blocking_WaitGroup_Wait_with_an_Add_too_many_is_reported_as_sync_WaitGroup_Wait()
    {
        var (report, _) = await Watched.ExpectDeadlock(_ =>
        {
            var wg = new WaitGroup();
            wg.Add(1);
            wg.Go(() => Task.CompletedTask);
            wg.Wait();
            return Task.CompletedTask;
        });

        Watched.AssertDump(report, "goroutine 1 [sync.WaitGroup.Wait]: WaitGroup (counter 1)");
    }

    [Fact]
    public async Task Two_goroutines_waiting_on_each_others_channels_are_both_in_the_dump()
    {
        var (report, elapsed) = await Watched.ExpectDeadlock(async go =>
        {
            var ping = Chan.Make<int>(name: "ping");
            var pong = Chan.Make<int>(name: "pong");
            var wg = new WaitGroup();
            wg.Add(2);
            go.Go("left", async () =>
            {
                try
                {
                    var value = await pong.Reader.ReadAsync();
                    await ping.Writer.WriteAsync(value + 1);
                }
                finally
                {
                    wg.Done();
                }
            });
            go.Go("right", async () =>
            {
                try
                {
                    var value = await ping.Reader.ReadAsync();
                    await pong.Writer.WriteAsync(value + 1);
                }
                finally
                {
                    wg.Done();
                }
            });
            await wg.WaitAsync();
        });

        Assert.True(elapsed < Watched.FastDiagnosis, $"took {elapsed}");
        Watched.AssertDump(
            report,
            "goroutine 1 [sync.WaitGroup.Wait]: WaitGroup (counter 2)",
            "goroutine 2 [chan receive]: pong",
            "goroutine 3 [chan receive]: ping");
        Assert.Equal(["main", "left", "right"], report.BlockedGoroutines.Select(g => g.Name));
    }

    [Fact]
    public async Task Worker_pool_whose_job_channel_is_never_closed_is_reported_with_every_worker()
    {
        var (report, _) = await Watched.ExpectDeadlock(async _ =>
        {
            var jobs = Chan.Make<int>(3, "jobs");
            var wg = new WaitGroup();
            for (var w = 0; w < 3; w++)
            {
                wg.Go(async () =>
                {
                    await foreach (var job in jobs.Reader.ReadAllAsync())
                        await Task.Yield();
                });
            }
            for (var j = 0; j < 10; j++)
                await jobs.Writer.WriteAsync(j);
            // Missing: jobs.Writer.Complete();
            await wg.WaitAsync();
        });

        Watched.AssertDump(
            report,
            "goroutine 1 [sync.WaitGroup.Wait]: WaitGroup (counter 3)",
            "goroutine 2 [chan receive]: jobs",
            "goroutine 3 [chan receive]: jobs",
            "goroutine 4 [chan receive]: jobs");
        Assert.All(report.BlockedGoroutines.Skip(1), g => Assert.Equal("wg.Go", g.Name));
    }

    [Fact]
    public async Task A_wait_given_the_programs_own_token_still_counts_as_parked()
    {
        var (report, _) = await Watched.ExpectDeadlock(async go =>
        {
            var done = Chan.Make<bool>(name: "done");
            await done.Reader.ReadAsync(go.CancellationToken);
        });

        Watched.AssertDump(report, "goroutine 1 [chan receive]: done");
    }

    [Fact]
    public async Task Producer_that_exits_without_closing_is_reported_once_it_is_gone()
    {
        // The producer works for a while (sleeping counts as running); the report comes only after it has exited.
        var producerExited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (report, _) = await Watched.ExpectDeadlock(async go =>
        {
            var jobs = Chan.Make<int>(name: "jobs");
            go.Go("producer", async () =>
            {
                await Task.Delay(150);
                await jobs.Writer.WriteAsync(1);
                producerExited.SetResult();
            });
            await foreach (var _ in jobs.Reader.ReadAllAsync())
            {
            }
        });

        Assert.True(producerExited.Task.IsCompleted);
        Watched.AssertDump(report, "goroutine 1 [chan receive]: jobs");
    }

    [Fact]
    public async Task Unnamed_channels_get_a_numbered_name_with_their_element_type()
    {
        var (report, _) = await Watched.ExpectDeadlock(async go =>
        {
            _ = Chan.Make<string>();
            var second = Chan.MakeUnbounded<int>();
            await second.Reader.ReadAsync();
        });

        Watched.AssertDump(report, "goroutine 1 [chan receive]: chan Int32 #2");
    }
    [Fact]
    public async Task The_librarys_worker_pool_never_completed_is_reported_with_its_workers()
    {
        var (report, elapsed) = await Watched.ExpectDeadlock(async _ =>
        {
            var pool = WorkerPool.Start<int, int>(2, (x, _) => ValueTask.FromResult(x * 2));
            await pool.SubmitAsync(new Job<int>(1, 1));
            // Missing: pool.Complete(); so the workers wait for more jobs and Results never completes.
            await foreach (var result in pool.Results.ReadAllAsync())
            {
            }
        });

        Assert.True(elapsed < Watched.FastDiagnosis, $"took {elapsed}");
        Watched.AssertDump(
            report,
            "goroutine 1 [chan receive]: worker pool results",
            "goroutine 2 [chan receive]: worker pool jobs",
            "goroutine 3 [chan receive]: worker pool jobs");
        Assert.Equal(["main", "worker pool worker 1", "worker pool worker 2"], report.BlockedGoroutines.Select(g => g.Name));
    }

    [Fact]
    public async Task A_select_on_channels_nobody_writes_is_reported()
    {
        var (report, _) = await Watched.ExpectDeadlock(async _ =>
        {
            var left = Chan.Make<int>(name: "left");
            var right = Chan.Make<int>(name: "right");
            await Select.WaitAsync(Select.Receive(left.Reader, (_, _) => { }), Select.Receive(right.Reader, (_, _) => { }));
        });

        var main = Assert.Single(report.BlockedGoroutines);
        Assert.Equal(GoroutineWaitKind.ChanReceive, main.WaitKind);
        Assert.Contains("(and 1 more watched wait(s))", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fan_in_whose_input_is_never_closed_is_reported()
    {
        var (report, _) = await Watched.ExpectDeadlock(async _ =>
        {
            var open = Chan.Make<int>(name: "open input");
            var merged = FanIn.Merge(open.Reader);
            await foreach (var item in merged.ReadAllAsync())
            {
            }
        });

        Watched.AssertDump(report, "goroutine 1 [chan receive]: fan-in merged", "goroutine 2 [chan receive]: open input");
    }

    [Fact]
    public async Task A_synchronous_Wait_on_a_thread_pool_thread_is_parked_like_an_await()
    {
        var (report, _) = await Watched.ExpectDeadlock(async go =>
        {
            var wg = new WaitGroup();
            wg.Add(1);
            var blocked = Chan.Make<int>(name: "never written");
            // A goroutine blocked in the synchronous Wait holds a thread-pool thread but runs nothing.
            go.Go("blocking waiter", () => wg.Wait());
            await blocked.Reader.ReadAsync();
        });

        Watched.AssertDump(report, "goroutine 1 [chan receive]: never written", "goroutine 2 [sync.WaitGroup.Wait]: WaitGroup (counter 1)");
    }
}
