using Tutorial.Concurrency.Diagnostics;
using System.Diagnostics;

namespace Tutorial.Concurrency.Tests.Diagnostics;

/// <summary>Programs that are slow, sleepy or busy but not stuck run to the end without a report.</summary>
[Collection(DetectorCollection.Name)]
public sealed class NoFalseAlarmTests
{
    [Fact]
    public async Task Slow_job_while_main_waits_on_its_channel_is_not_a_deadlock()
    {
        var result = 0;
        await Watched.Run(async go =>
        {
            var results = Chan.Make<int>(name: "results");
            go.Go("slow job", async () =>
            {
                await Task.Delay(300);
                await results.Writer.WriteAsync(42);
            });
            result = await results.Reader.ReadAsync();
        });

        Assert.Equal(42, result);
    }

    [Fact]
    public async Task Cpu_bound_job_while_main_waits_is_not_a_deadlock()
    {
        var result = 0L;
        await Watched.Run(async go =>
        {
            var results = Chan.Make<long>(1, "results");
            go.Go("busy", () =>
            {
                var clock = Stopwatch.StartNew();
                long spins = 0;
                while (clock.ElapsedMilliseconds < 300)
                    spins++;
                results.Writer.TryWrite(spins);
                results.Writer.Complete();
            });
            await foreach (var spins in results.Reader.ReadAllAsync())
                result = spins;
        });

        Assert.True(result > 0);
    }

    [Fact]
    public async Task Producer_sleeping_before_each_send_is_not_a_deadlock()
    {
        var received = new List<int>();
        await Watched.Run(async go =>
        {
            var ticks = Chan.Make<int>(name: "ticks");
            go.Go("producer", async () =>
            {
                for (var i = 1; i <= 3; i++)
                {
                    // Longer than the grace period: main is parked, the producer is asleep, which counts as running.
                    await Task.Delay(150);
                    await ticks.Writer.WriteAsync(i);
                }
                ticks.Writer.Complete();
            });
            await foreach (var tick in ticks.Reader.ReadAllAsync())
                received.Add(tick);
        });

        Assert.Equal([1, 2, 3], received);
    }

    [Fact]
    public async Task Reader_whose_writer_completes_late_is_not_a_deadlock()
    {
        var count = -1;
        await Watched.Run(async go =>
        {
            var lines = Chan.Make<string>(name: "lines");
            go.Go("closer", async () =>
            {
                await Task.Delay(300);
                lines.Writer.Complete();
            });
            count = (await lines.Reader.ToListAsync()).Count;
        });

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Worker_pool_with_a_closer_drains_normally_and_processes_every_job_once()
    {
        const int JobCount = 200;
        var seen = new List<int>();
        await Watched.Run(async go =>
        {
            var jobs = Chan.Make<int>(4, "jobs");
            var results = Chan.Make<int>(name: "results");
            var wg = new WaitGroup();
            for (var w = 0; w < 3; w++)
            {
                wg.Go(async () =>
                {
                    await foreach (var job in jobs.Reader.ReadAllAsync())
                    {
                        if (job % 50 == 0)
                            await Task.Delay(20);
                        await results.Writer.WriteAsync(job * 10);
                    }
                });
            }
            go.Go("feeder", async () =>
            {
                for (var j = 0; j < JobCount; j++)
                    await jobs.Writer.WriteAsync(j);
                jobs.Writer.Complete();
            });
            go.Go("closer", async () =>
            {
                await wg.WaitAsync();
                results.Writer.Complete();
            });
            await foreach (var result in results.Reader.ReadAllAsync())
                seen.Add(result);
        });

        Assert.Equal(Enumerable.Range(0, JobCount).Select(j => j * 10), seen.Order());
    }

    [Fact]
    public async Task Ping_pong_over_unbuffered_channels_is_never_seen_as_both_blocked_even_with_a_1_ms_grace_period()
    {
        // Each hand-over parks one side and wakes the other. If a send that wakes the receiver were counted as
        // "both blocked" until the receiver's continuation ran, a 1 ms grace period would report it sooner or later.
        const int Rounds = 5_000;
        var last = 0;
        await Watched.Run(
            async go =>
            {
                var ping = Chan.Make<int>(name: "ping");
                var pong = Chan.Make<int>(name: "pong");
                go.Go("echo", async () =>
                {
                    await foreach (var value in ping.Reader.ReadAllAsync())
                        await pong.Writer.WriteAsync(value + 1);
                    pong.Writer.Complete();
                });
                for (var i = 0; i < Rounds; i++)
                {
                    await ping.Writer.WriteAsync(i);
                    last = await pong.Reader.ReadAsync();
                }
                ping.Writer.Complete();
                Assert.False(await pong.Reader.WaitToReadAsync());
            },
            new GoProgramOptions { GracePeriod = TimeSpan.FromMilliseconds(1) });

        Assert.Equal(Rounds, last);
    }

    [Fact]
    public async Task Several_readers_racing_for_each_value_are_not_a_deadlock_with_a_1_ms_grace_period()
    {
        // WaitToReadAsync wakes every waiting reader; all but one find nothing and park again.
        const int Items = 3_000;
        var total = 0;
        await Watched.Run(
            async go =>
            {
                var items = Chan.Make<int>(1, "items");
                var counts = Chan.Make<int>(name: "counts");
                for (var r = 0; r < 4; r++)
                {
                    go.Go("reader", async () =>
                    {
                        var mine = 0;
                        while (await items.Reader.WaitToReadAsync())
                        {
                            if (items.Reader.TryRead(out _))
                                mine++;
                        }
                        await counts.Writer.WriteAsync(mine);
                    });
                }
                for (var i = 0; i < Items; i++)
                    await items.Writer.WriteAsync(i);
                items.Writer.Complete();
                for (var r = 0; r < 4; r++)
                    total += await counts.Reader.ReadAsync();
            },
            new GoProgramOptions { GracePeriod = TimeSpan.FromMilliseconds(1) });

        Assert.Equal(Items, total);
    }

    [Fact]
    public async Task WaitGroup_released_late_is_not_a_deadlock_with_a_1_ms_grace_period()
    {
        for (var round = 0; round < 50; round++)
        {
            await Watched.Run(
                async _ =>
                {
                    var wg = new WaitGroup();
                    for (var w = 0; w < 4; w++)
                        wg.Go(async () => await Task.Yield());
                    await wg.WaitAsync();
                },
                new GoProgramOptions { GracePeriod = TimeSpan.FromMilliseconds(1) });
        }
    }

    [Fact]
    public async Task A_wait_with_a_token_from_outside_the_program_counts_as_running()
    {
        // The token could be cancelled by a timer, so the detector stays silent (as Go does while a timer is pending).
        var outcome = "";
        await Watched.Run(async _ =>
        {
            var never = Chan.Make<int>(name: "never");
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
            try
            {
                await never.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                outcome = "timed out";
            }
        });

        Assert.Equal("timed out", outcome);
    }

    [Fact]
    public async Task Main_returning_ends_the_program_even_with_goroutines_still_parked()
    {
        var token = CancellationToken.None;
        await Watched.Run(async go =>
        {
            token = go.CancellationToken;
            var orphan = Chan.Make<int>(name: "orphan");
            go.Go("stuck", async () => await orphan.Reader.ReadAsync());
            await Task.Yield();
        });

        Assert.True(token.IsCancellationRequested);
    }
}
