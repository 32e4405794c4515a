using System.Diagnostics;

namespace Tutorial.Lab;

/// <summary>
/// Stopwatch helpers for the lessons: time one run, repeat a run, sweep a parameter, or time jobs one after another as a
/// baseline. A figure the lesson's text interprets should be a median of several runs after a warm-up
/// (<see cref="RepeatAsync"/>, <see cref="SweepAsync"/>, <see cref="MedianRunAsync"/>); <see cref="TimeAsync"/> is for the
/// few places where one run is the point.
/// </summary>
public static class Measure
{
    /// <summary>Times one run of <paramref name="action"/>.</summary>
    /// <param name="action">What to time.</param>
    /// <returns>The elapsed wall-clock time.</returns>
    public static Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        MachineLoad.Shared.MeasurementStarted();
        return TimeOnceAsync(action);
    }

    // Times without marking a measurement start, for the methods below that mark their own (outer) window.
    private static async Task<TimeSpan> TimeOnceAsync(Func<Task> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>Times one run of synchronous <paramref name="action"/>.</summary>
    /// <param name="action">What to time.</param>
    /// <returns>The elapsed wall-clock time.</returns>
    public static TimeSpan Time(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        MachineLoad.Shared.MeasurementStarted();
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>
    /// How long synchronous <paramref name="action"/> kept the calling thread computing: the CPU time the operating system
    /// charged to this thread, which does not grow while the thread sleeps or waits, or while other programs hold its core.
    /// Unlike <see cref="Environment.CpuUsage"/> it leaves out the process's other threads (the JIT compiling in the
    /// background can keep a whole core busy for a second). Lesson 10 adds up its jobs' CPU times to count the cores they kept busy.
    /// </summary>
    /// <param name="action">What to measure; it must not move to another thread (no <c>await</c> inside).</param>
    /// <returns>The thread's CPU time spent in <paramref name="action"/>; where the thread's clock cannot be read (any OS but
    /// Linux), its wall time.</returns>
    public static TimeSpan CpuTime(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ThreadCpuTime.Of(action);
    }

    /// <summary>Times <paramref name="action"/> <paramref name="repetitions"/> times, after <paramref name="warmups"/> untimed runs.</summary>
    /// <param name="repetitions">How many timed runs (at least 1).</param>
    /// <param name="action">What to time.</param>
    /// <param name="warmups">Untimed runs first, so JIT compilation and thread-pool growth do not count.</param>
    /// <returns>The timings.</returns>
    public static async Task<Samples> RepeatAsync(int repetitions, Func<Task> action, int warmups = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmups);
        ArgumentNullException.ThrowIfNull(action);
        for (var i = 0; i < warmups; i++)
            await action();
        var window = MachineLoad.Shared.MeasurementStarted();
        var times = new TimeSpan[repetitions];
        for (var i = 0; i < repetitions; i++)
            times[i] = await TimeOnceAsync(action);
        return new Samples(times, MachineLoad.Shared.MeasurementEnded(window));
    }

    /// <summary>
    /// Runs a whole experiment <paramref name="repetitions"/> times (after <paramref name="warmups"/> untimed runs) and returns
    /// the run whose <paramref name="duration"/> is the median, with everything it recorded (its timeline, its results):
    /// one hiccup on a busy machine then cannot decide what a lesson shows.
    /// </summary>
    /// <typeparam name="T">What one run produces.</typeparam>
    /// <param name="repetitions">How many runs to choose from (at least 1; odd counts have a true middle).</param>
    /// <param name="run">One run of the experiment.</param>
    /// <param name="duration">The time a run is ranked by.</param>
    /// <param name="warmups">Runs first that are thrown away.</param>
    /// <returns>The median run (for an even count, the lower of the two middle runs).</returns>
    public static async Task<T> MedianRunAsync<T>(int repetitions, Func<Task<T>> run, Func<T, TimeSpan> duration, int warmups = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmups);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(duration);
        for (var i = 0; i < warmups; i++)
            await run();
        MachineLoad.Shared.MeasurementStarted();
        var runs = new List<T>(repetitions);
        for (var i = 0; i < repetitions; i++)
            runs.Add(await run());
        return runs.OrderBy(duration).ElementAt((repetitions - 1) / 2);
    }

    /// <summary>
    /// Measures every point of a sweep (e.g. worker counts 1, 2, 4, 8) the way a figure the lesson interprets must be
    /// measured: first <paramref name="warmups"/> untimed runs of every point, so the whole path is compiled and the thread
    /// pool has grown before anything is timed; then <paramref name="repetitions"/> rounds, each timing every point once,
    /// in order. Taking the points in turn spreads a burst of load from another process over all points instead of letting
    /// it land on one. Each point's figure is the median of its timings.
    /// </summary>
    /// <typeparam name="TPoint">What varies, e.g. the worker count.</typeparam>
    /// <param name="points">The points, each once; the sweep keeps their order.</param>
    /// <param name="repetitions">Timed runs per point (at least 1; odd counts have a true median).</param>
    /// <param name="run">One run at a point.</param>
    /// <param name="warmups">Untimed runs per point before the timed rounds.</param>
    /// <returns>The timings per point; <c>sweep[point].Median</c> is the point's figure.</returns>
    /// <exception cref="ArgumentException">No points, or a point given twice.</exception>
    /// <example><code>var sweep = await Measure.SweepAsync([1, 2, 4, 8], 3, workers => RunPoolAsync(20, workers));</code></example>
    public static async Task<Sweep<TPoint>> SweepAsync<TPoint>(IEnumerable<TPoint> points, int repetitions, Func<TPoint, Task> run, int warmups = 1)
        where TPoint : notnull
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmups);
        ArgumentNullException.ThrowIfNull(run);
        var ordered = points.ToList();
        if (ordered.Count == 0)
            throw new ArgumentException("A sweep needs at least one point.", nameof(points));
        if (ordered.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"The point {twice.Key} appears {twice.Count()} times; give each point once and use repetitions to time it more often.", nameof(points));

        for (var i = 0; i < warmups; i++)
            foreach (var point in ordered)
                await run(point);
        var window = MachineLoad.Shared.MeasurementStarted();
        var times = ordered.Select(_ => new TimeSpan[repetitions]).ToList();
        for (var round = 0; round < repetitions; round++)
            for (var p = 0; p < ordered.Count; p++)
            {
                var point = ordered[p];
                times[p][round] = await TimeOnceAsync(() => run(point));
            }
        // The rounds interleave the points, so every point was measured across the whole window.
        var measured = MachineLoad.Shared.MeasurementEnded(window);
        return new Sweep<TPoint>(ordered.Select((point, p) => KeyValuePair.Create(point, new Samples(times[p], measured))));
    }

    /// <summary>The sequential baseline: runs job 0, 1, ... <paramref name="jobs"/>-1 one after another on one lane and records each.</summary>
    /// <param name="jobs">How many jobs.</param>
    /// <param name="job">One job, given its id.</param>
    /// <param name="timeline">Where to record; a new timeline when null.</param>
    /// <returns>The timeline the jobs were recorded on (lane <c>main</c>).</returns>
    public static async Task<Timeline> SequentiallyAsync(int jobs, Func<int, Task> job, Timeline? timeline = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(jobs);
        ArgumentNullException.ThrowIfNull(job);
        timeline ??= new Timeline();
        for (var id = 0; id < jobs; id++)
        {
            var jobId = id;
            await timeline.TrackAsync("main", jobId, () => job(jobId));
        }
        return timeline;
    }
}
