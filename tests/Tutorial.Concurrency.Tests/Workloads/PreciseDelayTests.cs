using System.Diagnostics;
using Tutorial.Concurrency.Measurement;
using Tutorial.Concurrency.Workloads;

namespace Tutorial.Concurrency.Tests.Workloads;

public class PreciseDelayTests
{
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

    [Fact]
    public async Task Median_of_50_ms_waits_is_within_3_ms_of_the_deadline()
    {
        await PreciseDelay.WaitAsync(1); // starts the deadline thread, so the first measured wait does not pay for it
        var samples = new List<TimeSpan>();
        for (var i = 0; i < 15; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await PreciseDelay.WaitAsync(TimeSpan.FromMilliseconds(50)).Within();
            samples.Add(Stopwatch.GetElapsedTime(start));
        }

        var measured = new Samples(samples);
        // Never early (the deadline is on Stopwatch's clock); late only by scheduling noise, which the median filters.
        Assert.True(measured.Min >= TimeSpan.FromMilliseconds(50), measured.ToString());
        Assert.InRange(measured.Median.TotalMilliseconds, 50.0, 53.0);
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
