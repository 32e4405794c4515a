namespace Tutorial.Concurrency;

/// <summary>How long a batch of equal jobs took compared with the ideal <c>ceil(jobs / workers) × duration</c>.</summary>
/// <param name="Jobs">How many jobs ran.</param>
/// <param name="Workers">How many could run at once.</param>
/// <param name="Makespan">From the first start to the last end.</param>
/// <param name="Ideal">The model's makespan with zero overhead.</param>
/// <param name="PeakConcurrency">The most jobs seen running at once.</param>
public sealed record RunSummary(int Jobs, int Workers, TimeSpan Makespan, TimeSpan Ideal, int PeakConcurrency)
{
    /// <summary>Makespan minus ideal: what scheduling, timers and bookkeeping cost.</summary>
    public TimeSpan Overhead => Makespan - Ideal;

    /// <summary>The ideal makespan: jobs run in waves of <paramref name="workers"/>, each wave taking <paramref name="jobDuration"/>.</summary>
    /// <param name="jobs">How many jobs (0 or more).</param>
    /// <param name="workers">How many workers (at least 1).</param>
    /// <param name="jobDuration">One job's duration.</param>
    /// <returns><c>ceil(jobs / workers) × jobDuration</c>.</returns>
    public static TimeSpan IdealMakespan(int jobs, int workers, TimeSpan jobDuration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(jobs);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var waves = (jobs + workers - 1) / workers;
        return jobDuration * waves;
    }

    /// <summary>A one-line summary.</summary>
    /// <returns>For example <c>20 jobs / 5 workers: 201.3 ms (ideal 200.0 ms, overhead +1.3 ms, peak concurrency 5)</c>.</returns>
    public override string ToString() =>
        $"{Jobs} jobs / {Workers} workers: {Makespan.TotalMilliseconds:F1} ms (ideal {Ideal.TotalMilliseconds:F1} ms, " +
        $"overhead {Overhead.TotalMilliseconds:+0.0;-0.0} ms, peak concurrency {PeakConcurrency})";
}
