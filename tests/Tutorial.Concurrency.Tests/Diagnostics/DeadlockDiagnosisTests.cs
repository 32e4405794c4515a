namespace Tutorial.Concurrency.Tests.Diagnostics;

/// <summary>The deadlocks the course teaches are each reported fast, with Go's header and dump.</summary>
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
    public async Task WaitGroup_with_a_missing_Done_is_reported_as_semacquire()
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
        Watched.AssertDump(report, "goroutine 1 [semacquire]: WaitGroup (counter 1)");
        Assert.Equal("semacquire", report.BlockedGoroutines[0].GoStatus);
    }

    [Fact]
    public async Task Blocking_WaitGroup_Wait_with_an_Add_too_many_is_reported_as_semacquire()
    {
        var (report, _) = await Watched.ExpectDeadlock(_ =>
        {
            var wg = new WaitGroup();
            wg.Add(1);
            wg.Go(() => Task.CompletedTask);
            wg.Wait();
            return Task.CompletedTask;
        });

        Watched.AssertDump(report, "goroutine 1 [semacquire]: WaitGroup (counter 1)");
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
            "goroutine 1 [semacquire]: WaitGroup (counter 2)",
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
            "goroutine 1 [semacquire]: WaitGroup (counter 3)",
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
}
