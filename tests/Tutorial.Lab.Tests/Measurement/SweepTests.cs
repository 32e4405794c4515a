
using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Measurement;

public class SweepTests
{
    [Fact]
    public async Task SweepAsync_warms_up_every_point_first_then_times_the_points_in_turn()
    {
        var calls = new List<int>();

        var sweep = await Measure.SweepAsync([4, 1, 2], repetitions: 2, point =>
        {
            lock (calls)
                calls.Add(point);
            return Task.CompletedTask;
        }).Within();

        Assert.Equal([4, 1, 2, /* timed: */ 4, 1, 2, 4, 1, 2], calls);
        Assert.Equal([4, 1, 2], sweep.Keys);
        Assert.Equal(3, sweep.Count);
        Assert.All(sweep.Values, samples => Assert.Equal(2, samples.Values.Count));
        Assert.Equal([4, 1, 2], sweep.Select(p => p.Key));
    }

    [Fact]
    public async Task Each_point_gets_its_own_median()
    {
        var sweep = await Measure.SweepAsync([5, 30], repetitions: 3, ms => PreciseDelay.WaitAsync(ms), warmups: 0).Within();

        Assert.True(sweep[5].Median >= TimeSpan.FromMilliseconds(5), sweep.ToString());
        Assert.True(sweep[30].Median >= TimeSpan.FromMilliseconds(30), sweep.ToString());
        Assert.True(sweep[30].Median > sweep[5].Median, sweep.ToString());
        Assert.Contains("30: median", sweep.ToString());
    }

    [Fact]
    public async Task Every_point_carries_the_whole_sweep_window_for_the_verdict()
    {
        var sweep = await Measure.SweepAsync(["a", "b"], 1, _ => Task.CompletedTask).Within();

        Assert.NotNull(sweep["a"].Window);
        Assert.Equal(sweep["a"].Window, sweep["b"].Window);
        Assert.True(sweep["a"].Window!.Value.End >= sweep["a"].Window!.Value.Start);
    }

    [Fact]
    public async Task Bad_sweeps_are_refused_with_what_is_wrong()
    {
        var twice = await Assert.ThrowsAsync<ArgumentException>(() => Measure.SweepAsync([1, 2, 1], 1, _ => Task.CompletedTask).Within());
        Assert.Contains("The point 1 appears 2 times", twice.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => Measure.SweepAsync(Array.Empty<int>(), 1, _ => Task.CompletedTask).Within());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Measure.SweepAsync([1], 0, _ => Task.CompletedTask).Within());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Measure.SweepAsync([1], 1, _ => Task.CompletedTask, warmups: -1).Within());
        await Assert.ThrowsAsync<ArgumentNullException>(() => Measure.SweepAsync([1], 1, null!).Within());

        var sweep = await Measure.SweepAsync([1, 2], 1, _ => Task.CompletedTask).Within();
        var missing = Assert.Throws<KeyNotFoundException>(() => sweep[3]);
        Assert.Equal("The sweep measured 1, 2, not 3.", missing.Message);
        Assert.False(sweep.TryGetValue(3, out _));
        Assert.True(sweep.ContainsKey(2));
    }
}
