using System.Diagnostics;

using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Workloads;

[Collection(TimingCollection.Name)]
public class PreciseDelayTests
{
    private const int Batches = 5;

    [Fact]
    public void Negative_durations_are_rejected_at_the_call()
    {
        // Thrown by the call itself, not by the returned task: bad input fails where it is written.
        Assert.Equal("duration", Assert.Throws<ArgumentOutOfRangeException>(() => { _ = PreciseDelay.WaitAsync(TimeSpan.FromMilliseconds(-1)); }).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = PreciseDelay.WaitAsync(-5.0); });
    }

    [Fact]
    public void Zero_completes_at_once()
    {
        Assert.True(PreciseDelay.WaitAsync(TimeSpan.Zero).IsCompletedSuccessfully);
        Assert.True(PreciseDelay.WaitAsync(0.0).IsCompletedSuccessfully);
    }

    [Fact]
    public void An_already_cancelled_token_gives_a_cancelled_task()
    {
        Assert.True(PreciseDelay.WaitAsync(TimeSpan.FromSeconds(1), new CancellationToken(canceled: true)).IsCanceled);
    }

    [Fact]
    public async Task Cancellation_ends_a_wait_early()
    {
        using var cts = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var waiting = PreciseDelay.WaitAsync(TimeSpan.FromSeconds(30), cts.Token);
        await Safety.AssertStaysPending(waiting);

        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Within());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Never_completes_before_its_deadline_even_with_many_waits_pending()
    {
        var durations = new[] { 30, 5, 20, 1, 15, 25, 10, 2 };

        var elapsed = await Task.WhenAll(durations.Select(async ms =>
        {
            var start = Stopwatch.GetTimestamp();
            await PreciseDelay.WaitAsync(ms);
            return Stopwatch.GetElapsedTime(start);
        })).Within();

        for (var i = 0; i < durations.Length; i++)
            Assert.True(elapsed[i] >= TimeSpan.FromMilliseconds(durations[i]), $"a {durations[i]} ms wait ended after {elapsed[i].TotalMilliseconds:F3} ms");
    }

    // The timing tests run in a collection of their own, so no other test of this assembly competes for the 2 cores.
    // Load from outside the process still comes in bursts: with this machine's 2 cores shared by parallel builds (load
    // average 10-14), whole seconds of wake-ups came 5-100 ms late. So each batch of 15 waits is interleaved with 15
    // Thread.Sleep(50) calls, the OS's own best effort under the same load, and the bound is the larger of the fixed
    // one and "no worse than the OS by more than the same margin". Up to 5 batches (0.75-1.5 s each); one must pass.
    // No sample may ever be early. A quiet machine passes on the first batch (release median 50.03-50.08 ms).
    [Fact]
    public async Task Median_release_of_50_ms_waits_is_within_3_ms_of_the_deadline()
    {
        // Measured from a dedicated thread blocked on the task, which the deadline thread wakes directly: this is the
        // precision PreciseDelay itself controls, without the thread-pool hop an await adds (see the next test).
        var batches = await Task.Factory.StartNew(
            () =>
            {
                var measured = new List<Batch>();
                for (var batch = 0; batch < Batches && !measured.Any(b => b.IsWithin(Ms(53), Ms(3))); batch++)
                {
                    var precise = new List<TimeSpan>();
                    var sleep = new List<TimeSpan>();
                    for (var i = 0; i < 15; i++)
                    {
                        sleep.Add(Measure.Time(() => Thread.Sleep(50)));
                        precise.Add(MeasureBlockingWait(Ms(50)));
                    }
                    measured.Add(new Batch(new Samples(precise), new Samples(sleep)));
                }
                return measured;
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Within();

        AssertOneBatchWithin(batches, Ms(50), Ms(53), Ms(3));
    }

    [Fact]
    public async Task Median_of_awaited_50_ms_waits_is_never_early_and_late_only_by_a_thread_pool_hop()
    {
        var batches = new List<Batch>();
        for (var batch = 0; batch < Batches && !batches.Any(b => b.IsWithin(Ms(60), Ms(10))); batch++)
        {
            var precise = new List<TimeSpan>();
            var sleep = new List<TimeSpan>();
            for (var i = 0; i < 15; i++)
            {
                sleep.Add(Measure.Time(() => Thread.Sleep(50)));
                var start = Stopwatch.GetTimestamp();
                await PreciseDelay.WaitAsync(Ms(50)).Within();
                precise.Add(Stopwatch.GetElapsedTime(start));
            }
            batches.Add(new Batch(new Samples(precise), new Samples(sleep)));
        }

        // The continuation after an await runs on a thread-pool thread that first has to wake up: medians measured on
        // this machine were 50.1 ms when quiet and 52.5-57 ms with its 2 cores loaded, hence 60, not 53.
        AssertOneBatchWithin(batches, Ms(50), Ms(60), Ms(10));
    }

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private sealed record Batch(Samples Precise, Samples Sleep)
    {
        public bool IsWithin(TimeSpan maxMedian, TimeSpan marginOverSleep) =>
            Precise.Median <= maxMedian || Precise.Median <= Sleep.Median + marginOverSleep;

        public override string ToString() =>
            $"precise [{string.Join(" ", Precise.Values.Select(v => v.TotalMilliseconds.ToString("F2")))}] vs Thread.Sleep {Sleep}";
    }

    private static void AssertOneBatchWithin(List<Batch> batches, TimeSpan deadline, TimeSpan maxMedian, TimeSpan marginOverSleep)
    {
        var report = string.Join("; ", batches);
        Assert.True(batches.All(b => b.Precise.Min >= deadline), $"a wait ended before its deadline: {report}");
        Assert.True(batches.Any(b => b.IsWithin(maxMedian, marginOverSleep)),
            $"no batch had a median within {maxMedian.TotalMilliseconds} ms or within {marginOverSleep.TotalMilliseconds} ms of Thread.Sleep's: {report}");
    }

    private static TimeSpan MeasureBlockingWait(TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        PreciseDelay.WaitAsync(duration).GetAwaiter().GetResult();
        return Stopwatch.GetElapsedTime(start);
    }

    [Fact]
    public async Task A_very_long_wait_does_not_break_the_shared_deadline_thread()
    {
        using var cts = new CancellationTokenSource();
        var days = PreciseDelay.WaitAsync(TimeSpan.FromDays(30), cts.Token);
        var forever = PreciseDelay.WaitAsync(TimeSpan.MaxValue, cts.Token);

        // Short waits queued behind far-away deadlines must still be served, and the far ones must not fire early.
        await PreciseDelay.WaitAsync(TimeSpan.FromMilliseconds(20)).Within();
        await Safety.AssertStaysPending(days);
        await Safety.AssertStaysPending(forever);

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => days.Within());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => forever.Within());
        await PreciseDelay.WaitAsync(TimeSpan.FromMilliseconds(5)).Within();
    }
}
