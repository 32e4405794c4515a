using System.Diagnostics;
using System.Threading.Channels;
using Tutorial.Concurrency.Diagnostics;

namespace Tutorial.Concurrency.Tests.Diagnostics;

/// <summary>
/// Correct programs in which every goroutine is parked on paper while something the detector cannot name will still
/// wake one: a timer, a thread-pool callback, a goroutine still computing or sleeping beside a pending select. Go's rule
/// is the bar: report only when nothing can ever run again. Each must run to its end without a report.
/// </summary>
[Collection(DetectorCollection.Name)]
public sealed class NoFalseAlarmWakeupTests
{
    private static readonly TimeSpan Later = TimeSpan.FromMilliseconds(300); // three default grace periods

    [Fact]
    public async Task A_timer_callback_that_writes_the_channel_main_waits_on_is_not_a_deadlock()
    {
        var received = 0;
        await Watched.Run(async _ =>
        {
            var ready = Chan.Make<int>(1, "ready");
            // Go: time.AfterFunc(300*time.Millisecond, func() { ready <- 42 })
            using var timer = new Timer(__ => ready.Writer.TryWrite(42), null, Later, Timeout.InfiniteTimeSpan);
            received = await ready.Reader.ReadAsync();
        });

        Assert.Equal(42, received);
    }

    [Fact]
    public async Task A_timer_callback_that_calls_Done_is_not_a_deadlock()
    {
        await Watched.Run(async _ =>
        {
            var wg = new WaitGroup();
            wg.Add(1);
            using var timer = new Timer(__ => wg.Done(), null, Later, Timeout.InfiniteTimeSpan);
            await wg.WaitAsync();
        });
    }

    [Fact]
    public async Task A_thread_pool_callback_that_sleeps_and_then_writes_is_not_a_deadlock()
    {
        var received = 0;
        await Watched.Run(async _ =>
        {
            var ready = Chan.Make<int>(name: "ready");
            ThreadPool.QueueUserWorkItem(__ =>
            {
                Thread.Sleep(Later);
                ready.Writer.WriteAsync(7).AsTask().Wait();
            });
            received = await ready.Reader.ReadAsync();
        });

        Assert.Equal(7, received);
    }

    [Fact]
    public async Task A_thread_pool_callback_that_calls_Done_is_not_a_deadlock()
    {
        await Watched.Run(async _ =>
        {
            var wg = new WaitGroup();
            wg.Add(1);
            ThreadPool.QueueUserWorkItem(__ =>
            {
                Thread.Sleep(Later);
                wg.Done();
            });
            await wg.WaitAsync();
        });
    }

    [Theory]
    [InlineData("computes")]
    [InlineData("sleeps")]
    public async Task A_select_that_got_one_channel_and_goes_on_working_while_the_other_wait_is_pending_is_not_a_deadlock(string work)
    {
        var log = new List<string>();
        await Watched.Run(async go =>
        {
            var first = Chan.Make<string>(name: "first");
            var second = Chan.Make<string>(name: "second");
            var handBack = Chan.Make<string>(name: "hand back");
            go.Go("selector", async () =>
            {
                // Select-style by hand: wait on both, take whichever is ready, leave the other wait pending.
                var waits = new[] { first.Reader.WaitToReadAsync().AsTask(), second.Reader.WaitToReadAsync().AsTask() };
                await Task.WhenAny(waits);
                Assert.True(first.Reader.TryRead(out var got));
                log.Add(got);
                if (work == "computes")
                {
                    var clock = Stopwatch.StartNew();
                    while (clock.Elapsed < Later)
                        Thread.SpinWait(100);
                }
                else
                {
                    await Task.Delay(Later);
                }
                await handBack.Writer.WriteAsync("done working");
            });
            go.Go("sender", async () => await first.Writer.WriteAsync("hello"));
            log.Add(await handBack.Reader.ReadAsync());
            second.Writer.Complete();
        });

        Assert.Equal(["hello", "done working"], log);
    }

    [Theory]
    [InlineData("computes")]
    [InlineData("sleeps")]
    public async Task A_goroutine_that_starts_a_receive_works_and_awaits_it_later_is_not_a_deadlock(string work)
    {
        var got = 0;
        await Watched.Run(async go =>
        {
            var values = Chan.Make<int>(name: "values");
            var ask = Chan.Make<int>(name: "ask");
            var wg = new WaitGroup();
            wg.Go(async () =>
            {
                var receive = values.Reader.ReadAsync(); // parked on paper from here on
                if (work == "computes")
                {
                    var clock = Stopwatch.StartNew();
                    while (clock.Elapsed < Later)
                        Thread.SpinWait(100);
                }
                else
                {
                    await Task.Delay(Later);
                }
                await ask.Writer.WriteAsync(1);
                got = await receive;
            });
            go.Go("answers", async () =>
            {
                await ask.Reader.ReadAsync();
                await values.Writer.WriteAsync(99);
            });
            await wg.WaitAsync();
        });

        Assert.Equal(99, got);
    }

    [Fact]
    public async Task A_WhenAll_fan_out_inside_one_goroutine_is_not_a_deadlock()
    {
        var sum = 0;
        await Watched.Run(async go =>
        {
            var results = Chan.Make<int>(name: "results");
            go.Go("fan-out", async () =>
            {
                // Four plain tasks inside one goroutine: they share its context; two sleep, two compute.
                await Task.WhenAll(Enumerable.Range(1, 4).Select(i => Task.Run(async () =>
                {
                    if (i % 2 == 0)
                    {
                        await Task.Delay(Later);
                    }
                    else
                    {
                        var clock = Stopwatch.StartNew();
                        while (clock.Elapsed < Later)
                            Thread.SpinWait(100);
                    }
                    await results.Writer.WriteAsync(i);
                })));
                results.Writer.Complete();
            });
            await foreach (var value in results.Reader.ReadAllAsync())
                sum += value;
        });

        Assert.Equal(10, sum);
    }

    [Fact]
    public async Task A_precise_wait_that_wakes_a_goroutine_is_not_a_deadlock_even_beside_a_pending_receive()
    {
        // PreciseDelay (the lab's timer thread) is no timer the runtime knows of; it announces its pending wake-ups.
        var got = "";
        await Watched.Run(async go =>
        {
            var values = Chan.Make<string>(name: "values");
            go.Go("sleeper", async () =>
            {
                var pending = values.Reader.WaitToReadAsync(); // a pending watched wait beside the sleep
                await Lab.PreciseDelay.WaitAsync(Later);
                await values.Writer.WriteAsync("woke");
                await pending;
            });
            got = await values.Reader.ReadAsync();
        });

        Assert.Equal("woke", got);
    }

    [Fact]
    public async Task A_select_with_a_timeout_case_is_not_a_deadlock_while_its_timer_runs()
    {
        var outcome = "";
        await Watched.Run(async _ =>
        {
            var never = Chan.Make<int>(name: "never");
            await Select.WaitAsync(
                Select.Receive(never.Reader, (_, _) => outcome = "received"),
                Select.After(Later, () => outcome = "timed out"));
        });

        Assert.Equal("timed out", outcome);
    }
}
