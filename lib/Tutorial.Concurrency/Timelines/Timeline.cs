using System.Diagnostics;

namespace Tutorial.Concurrency;

/// <summary>
/// Records, from one clock, which lane (worker or task) ran which job from when to when; thread-safe, so every
/// worker can record on the same timeline. Feed it to the charts for a Gantt view, or <see cref="Summarize"/> it.
/// </summary>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed class Timeline
{
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private readonly List<TimelineEntry> _entries = [];

    /// <summary>The time since the timeline was created: the clock every entry is measured on.</summary>
    public TimeSpan Now => Stopwatch.GetElapsedTime(_origin);

    /// <summary>Every entry recorded so far, ordered by start time.</summary>
    public IReadOnlyList<TimelineEntry> Entries
    {
        get
        {
            lock (_gate)
                return [.. _entries.OrderBy(e => e.Start).ThenBy(e => e.Lane, StringComparer.Ordinal)];
        }
    }

    /// <summary>Records a job that ran on <paramref name="lane"/> from <paramref name="start"/> to <paramref name="end"/> (both from <see cref="Now"/>).</summary>
    /// <param name="lane">Who ran it, e.g. <c>worker 2</c>.</param>
    /// <param name="jobId">The job's id.</param>
    /// <param name="start">When it started.</param>
    /// <param name="end">When it ended.</param>
    /// <param name="succeeded">False for a failed or cancelled attempt.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>, or the lane is empty.</exception>
    public void Record(string lane, int jobId, TimeSpan start, TimeSpan end, bool succeeded = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lane);
        if (end < start)
            throw new ArgumentException($"A job cannot end ({end.TotalMilliseconds:F1} ms) before it starts ({start.TotalMilliseconds:F1} ms).", nameof(end));
        lock (_gate)
            _entries.Add(new TimelineEntry(lane, jobId, start, end, succeeded));
    }

    /// <summary>Runs <paramref name="job"/> and records it on <paramref name="lane"/>.</summary>
    /// <typeparam name="T">The job's result type.</typeparam>
    /// <param name="lane">Who runs it.</param>
    /// <param name="jobId">The job's id.</param>
    /// <param name="job">The job.</param>
    /// <returns>The job's result.</returns>
    public async Task<T> TrackAsync<T>(string lane, int jobId, Func<Task<T>> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var start = Now;
        var succeeded = false;
        try
        {
            var result = await job();
            succeeded = true;
            return result;
        }
        finally
        {
            Record(lane, jobId, start, Now, succeeded);
        }
    }

    /// <summary>Runs <paramref name="job"/> and records it on <paramref name="lane"/>.</summary>
    /// <param name="lane">Who runs it.</param>
    /// <param name="jobId">The job's id.</param>
    /// <param name="job">The job.</param>
    /// <returns>A task that completes with the job.</returns>
    public Task TrackAsync(string lane, int jobId, Func<Task> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return TrackAsync(lane, jobId, async () =>
        {
            await job();
            return true;
        });
    }

    /// <summary>The largest number of entries that overlapped in time: how much really ran at once.</summary>
    public int PeakConcurrency
    {
        get
        {
            // Sweep the start/end events; ends sort before starts at the same instant so back-to-back jobs do not overlap.
            var events = Entries
                .SelectMany(e => new[] { (At: e.Start, Delta: +1), (At: e.End, Delta: -1) })
                .OrderBy(e => e.At).ThenBy(e => e.Delta);
            int running = 0, peak = 0;
            foreach (var (_, delta) in events)
            {
                peak = Math.Max(peak, running += delta);
                Debug.Assert(running >= 0, "an entry ended before it started: Record rejects that");
            }
            Debug.Assert(running == 0, "every start has its end");
            return peak;
        }
    }

    /// <summary>Summarises the run against the model <c>ceil(jobs / workers) × jobDuration</c>.</summary>
    /// <param name="workers">How many workers could run jobs at once.</param>
    /// <param name="jobDuration">How long one job takes on its own.</param>
    /// <returns>Makespan, ideal, overhead and peak concurrency.</returns>
    /// <exception cref="InvalidOperationException">Nothing was recorded.</exception>
    public RunSummary Summarize(int workers, TimeSpan jobDuration)
    {
        var entries = Entries;
        if (entries.Count == 0)
            throw new InvalidOperationException("The timeline is empty: record jobs on it before summarising.");
        var makespan = entries.Max(e => e.End) - entries.Min(e => e.Start);
        var jobs = entries.Select(e => e.JobId).Distinct().Count();
        Debug.Assert(makespan >= TimeSpan.Zero && jobs >= 1);
        return new RunSummary(jobs, workers, makespan, RunSummary.IdealMakespan(jobs, workers, jobDuration), PeakConcurrency);
    }

    private string DebuggerDisplay
    {
        get
        {
            var entries = Entries;
            return $"{entries.Count} entries on {entries.Select(e => e.Lane).Distinct().Count()} lanes, peak concurrency {PeakConcurrency}, now {Now.TotalMilliseconds:F1} ms";
        }
    }
}
