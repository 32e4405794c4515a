
using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Measurement;

public class MeasureTests
{
    [Fact]
    public void Time_measures_at_least_the_time_spent()
    {
        var elapsed = Measure.Time(() => Thread.Sleep(20));

        Assert.True(elapsed >= TimeSpan.FromMilliseconds(20), $"{elapsed.TotalMilliseconds} ms");
        Assert.Throws<ArgumentNullException>(() => Measure.Time(null!));
    }

    [Fact]
    public async Task TimeAsync_measures_until_the_task_completes()
    {
        // PreciseDelay, not Task.Delay: Task.Delay's coarse timer can fire early (18.5 ms for 20 ms was seen here).
        var elapsed = await Measure.TimeAsync(() => PreciseDelay.WaitAsync(20)).Within();

        Assert.True(elapsed >= TimeSpan.FromMilliseconds(20), $"{elapsed.TotalMilliseconds} ms");
        await Assert.ThrowsAsync<ArgumentNullException>(() => Measure.TimeAsync(null!).Within());
    }

    [Fact]
    public async Task RepeatAsync_runs_warmups_untimed_then_one_sample_per_repetition()
    {
        var calls = 0;

        var samples = await Measure.RepeatAsync(5, () =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        }, warmups: 2).Within();

        Assert.Equal(7, calls);
        Assert.Equal(5, samples.Values.Count);
    }

    [Fact]
    public async Task RepeatAsync_samples_carry_the_window_of_their_timed_runs_for_the_verdict()
    {
        var before = System.Diagnostics.Stopwatch.GetTimestamp();
        var samples = await Measure.RepeatAsync(2, () => Task.CompletedTask).Within();
        var after = System.Diagnostics.Stopwatch.GetTimestamp();

        Assert.NotNull(samples.Window);
        Assert.InRange(samples.Window.Value.Start, before, samples.Window.Value.End);
        Assert.InRange(samples.Window.Value.End, samples.Window.Value.Start, after);
        Assert.Null(new Samples([TimeSpan.FromMilliseconds(1)]).Window); // plain values: the untracked window applies
    }

    [Fact]
    public async Task RepeatAsync_rejects_bad_arguments()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Measure.RepeatAsync(0, () => Task.CompletedTask).Within());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Measure.RepeatAsync(1, () => Task.CompletedTask, warmups: -1).Within());
        await Assert.ThrowsAsync<ArgumentNullException>(() => Measure.RepeatAsync(1, null!).Within());
    }

    [Fact]
    public async Task SequentiallyAsync_runs_jobs_one_after_another_on_one_lane()
    {
        var running = 0;
        var peak = 0;
        var order = new List<int>();

        var timeline = await Measure.SequentiallyAsync(5, async id =>
        {
            Safety.RaiseMax(ref peak, Interlocked.Increment(ref running));
            order.Add(id);
            await Task.Yield();
            Interlocked.Decrement(ref running);
        }).Within();

        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, order);
        Assert.Equal(1, peak);
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, timeline.Entries.Select(e => e.JobId));
        Assert.All(timeline.Entries, e => Assert.Equal("main", e.Lane));
        Assert.Equal(1, timeline.PeakConcurrency);
    }

    [Fact]
    public async Task SequentiallyAsync_records_on_the_given_timeline()
    {
        var timeline = new Timeline();

        var returned = await Measure.SequentiallyAsync(2, _ => Task.CompletedTask, timeline).Within();

        Assert.Same(timeline, returned);
        Assert.Equal(2, timeline.Entries.Count);
        Assert.Empty((await Measure.SequentiallyAsync(0, _ => Task.CompletedTask).Within()).Entries);
    }

    [Fact]
    public async Task SequentiallyAsync_rejects_bad_arguments()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Measure.SequentiallyAsync(-1, _ => Task.CompletedTask).Within());
        await Assert.ThrowsAsync<ArgumentNullException>(() => Measure.SequentiallyAsync(1, null!).Within());
    }

    [Fact]
    public async Task MedianRunAsync_warms_up_then_returns_the_run_with_the_median_duration()
    {
        var calls = 0;
        var durations = new[] { 99, 30, 10, 20 }; // the first call is the warm-up
        var median = await Measure.MedianRunAsync(3, () => Task.FromResult((Run: ++calls, Ms: durations[calls - 1])), r => TimeSpan.FromMilliseconds(r.Ms));

        Assert.Equal(4, calls);
        Assert.Equal((4, 20), median);
    }

    [Fact]
    public async Task MedianRunAsync_rejects_bad_arguments()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Measure.MedianRunAsync(0, () => Task.FromResult(1), _ => TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Measure.MedianRunAsync<int>(3, null!, _ => TimeSpan.Zero));
    }
}
