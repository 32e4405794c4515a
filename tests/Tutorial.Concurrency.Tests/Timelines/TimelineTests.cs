using Tutorial.Concurrency;

namespace Tutorial.Concurrency.Tests.Measurement;

public class TimelineTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Record_rejects_an_empty_lane(string lane)
    {
        Assert.Throws<ArgumentException>(() => new Timeline().Record(lane, 1, Ms(0), Ms(1)));
    }

    [Fact]
    public void Record_rejects_a_null_lane_and_an_end_before_the_start()
    {
        var timeline = new Timeline();

        Assert.Throws<ArgumentNullException>(() => timeline.Record(null!, 1, Ms(0), Ms(1)));
        var error = Assert.Throws<ArgumentException>(() => timeline.Record("w", 1, Ms(10), Ms(9)));
        Assert.Equal("end", error.ParamName);
        Assert.Contains("cannot end", error.Message);
        Assert.Empty(timeline.Entries);

        timeline.Record("w", 1, Ms(10), Ms(10)); // zero length is fine
        Assert.Single(timeline.Entries);
    }

    [Fact]
    public void Entries_are_ordered_by_start_then_lane_whatever_the_recording_order()
    {
        var timeline = new Timeline();
        timeline.Record("worker 2", 3, Ms(20), Ms(30));
        timeline.Record("worker 2", 1, Ms(0), Ms(10));
        timeline.Record("worker 1", 2, Ms(0), Ms(15), succeeded: false);

        Assert.Equal(
            new[] { new TimelineEntry("worker 1", 2, Ms(0), Ms(15), false), new TimelineEntry("worker 2", 1, Ms(0), Ms(10)), new TimelineEntry("worker 2", 3, Ms(20), Ms(30)) },
            timeline.Entries);
    }

    [Fact]
    public void Now_moves_forward()
    {
        var timeline = new Timeline();
        var first = timeline.Now;
        Thread.Sleep(2);

        Assert.True(timeline.Now > first);
        Assert.True(first >= TimeSpan.Zero);
    }

    [Fact]
    public void PeakConcurrency_counts_overlaps_but_not_back_to_back_jobs()
    {
        var timeline = new Timeline();
        Assert.Equal(0, timeline.PeakConcurrency);

        timeline.Record("a", 0, Ms(0), Ms(10));
        timeline.Record("a", 1, Ms(10), Ms(20)); // starts exactly when job 0 ends
        Assert.Equal(1, timeline.PeakConcurrency);

        timeline.Record("b", 2, Ms(5), Ms(15));
        timeline.Record("c", 3, Ms(9), Ms(11));
        Assert.Equal(3, timeline.PeakConcurrency);
    }

    [Fact]
    public async Task Record_is_safe_from_many_threads()
    {
        var timeline = new Timeline();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(lane => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++)
                timeline.Record($"lane {lane}", i, Ms(i), Ms(i + 1));
        }))).Within();

        Assert.Equal(8_000, timeline.Entries.Count);
        Assert.Equal(8, timeline.PeakConcurrency);
    }

    [Fact]
    public async Task TrackAsync_records_the_job_and_returns_its_result()
    {
        var timeline = new Timeline();
        var gate = Safety.NewGate();

        var tracking = timeline.TrackAsync("main", 4, async () =>
        {
            await gate.Task;
            return "done";
        });
        Assert.Empty(timeline.Entries); // recorded when the job ends, not before
        gate.SetResult();

        Assert.Equal("done", await tracking.Within());
        var entry = Assert.Single(timeline.Entries);
        Assert.Equal(("main", 4, true), (entry.Lane, entry.JobId, entry.Succeeded));
        Assert.True(entry.End >= entry.Start);
    }

    [Fact]
    public async Task TrackAsync_records_a_failed_job_as_failed_and_rethrows()
    {
        var timeline = new Timeline();

        await Assert.ThrowsAsync<InvalidOperationException>(() => timeline.TrackAsync("main", 1, () => Task.FromException(new InvalidOperationException())).Within());
        await Assert.ThrowsAsync<TimeoutException>(() => timeline.TrackAsync<int>("main", 2, () => throw new TimeoutException()).Within());

        Assert.All(timeline.Entries, e => Assert.False(e.Succeeded));
        Assert.Equal(2, timeline.Entries.Count);
    }

    [Fact]
    public async Task TrackAsync_without_a_result_records_too()
    {
        var timeline = new Timeline();

        await timeline.TrackAsync("w", 9, () => Task.Delay(1)).Within();

        Assert.True(Assert.Single(timeline.Entries).Succeeded);
    }

    [Fact]
    public async Task TrackAsync_rejects_null_jobs()
    {
        var timeline = new Timeline();

        await Assert.ThrowsAsync<ArgumentNullException>(() => timeline.TrackAsync("w", 1, (Func<Task>)null!).Within());
        await Assert.ThrowsAsync<ArgumentNullException>(() => timeline.TrackAsync("w", 1, (Func<Task<int>>)null!).Within());
    }

    [Fact]
    public void Summarize_an_empty_timeline_throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Timeline().Summarize(2, Ms(50)));

        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Summarize_compares_the_makespan_with_the_model()
    {
        var timeline = new Timeline();
        // 5 jobs on 2 workers in 3 waves of 50 ms, with a retried job 4 (two entries, one job).
        timeline.Record("worker 1", 0, Ms(10), Ms(60));
        timeline.Record("worker 2", 1, Ms(10), Ms(61));
        timeline.Record("worker 1", 2, Ms(60), Ms(110));
        timeline.Record("worker 2", 3, Ms(61), Ms(111));
        timeline.Record("worker 1", 4, Ms(110), Ms(130), succeeded: false);
        timeline.Record("worker 1", 4, Ms(130), Ms(165));

        var summary = timeline.Summarize(2, Ms(50));

        Assert.Equal(5, summary.Jobs);
        Assert.Equal(2, summary.Workers);
        Assert.Equal(Ms(155), summary.Makespan);
        Assert.Equal(Ms(150), summary.Ideal);
        Assert.Equal(Ms(5), summary.Overhead);
        Assert.Equal(2, summary.PeakConcurrency);
    }

    [Fact]
    public void TimelineEntry_has_a_duration_and_a_readable_line()
    {
        var ok = new TimelineEntry("worker 2", 7, Ms(50.1), Ms(100.3));

        Assert.Equal(Ms(100.3) - Ms(50.1), ok.Duration);
        Assert.True(ok.Succeeded);
        Assert.Equal("worker 2 ran job 7: 50.1-100.3 ms", ok.ToString());
        Assert.Equal("worker 2 ran job 7: 50.1-100.3 ms (failed)", (ok with { Succeeded = false }).ToString());
    }

    [Fact]
    public void The_debugger_shows_entries_lanes_and_peak()
    {
        var timeline = new Timeline();
        timeline.Record("w1", 1, Ms(0), Ms(10));
        timeline.Record("w2", 2, Ms(5), Ms(15));

        var attribute = (System.Diagnostics.DebuggerDisplayAttribute)Attribute.GetCustomAttribute(typeof(Timeline), typeof(System.Diagnostics.DebuggerDisplayAttribute))!;
        var display = (string)typeof(Timeline).GetProperty("DebuggerDisplay", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(timeline)!;

        Assert.Equal("{DebuggerDisplay,nq}", attribute.Value);
        Assert.StartsWith("2 entries on 2 lanes, peak concurrency 2, now ", display);
    }
}
