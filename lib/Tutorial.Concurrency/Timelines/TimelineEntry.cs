namespace Tutorial.Concurrency;

/// <summary>One job's run on one lane (a worker, a task) of a <see cref="Timeline"/>, measured from the timeline's start.</summary>
/// <param name="Lane">Who ran it, e.g. <c>worker 2</c>.</param>
/// <param name="JobId">The job's id.</param>
/// <param name="Start">When it started, since the timeline began.</param>
/// <param name="End">When it ended, since the timeline began.</param>
/// <param name="Succeeded">False when the attempt failed or was cancelled.</param>
public readonly record struct TimelineEntry(string Lane, int JobId, TimeSpan Start, TimeSpan End, bool Succeeded = true)
{
    /// <summary>How long the job ran.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>A one-line description.</summary>
    /// <returns>For example <c>worker 2 ran job 7: 50.1-100.3 ms</c>.</returns>
    public override string ToString() =>
        $"{Lane} ran job {JobId}: {Start.TotalMilliseconds:F1}-{End.TotalMilliseconds:F1} ms{(Succeeded ? "" : " (failed)")}";
}
