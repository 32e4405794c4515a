namespace Tutorial.Concurrency.Diagnostics;

/// <summary>Settings for <see cref="GoProgram.RunAsync(Func{GoProgram, Task}, GoProgramOptions?, CancellationToken)"/>.</summary>
public sealed class GoProgramOptions
{
    /// <summary>
    /// How long every goroutine must stay parked, with nothing changing, before the detector looks whether anything at all
    /// could still run; a report follows a short confirming look later. Default 100 ms, so a deadlock is reported a little
    /// over 100 ms after the last progress on a quiet machine (later while the process is busy with other work).
    /// </summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Ends the run with a <see cref="TimeoutException"/> naming every goroutine still alive if it has not finished
    /// by then: the fallback for what the detector does not see. Default <see cref="Timeout.InfiniteTimeSpan"/> (none).
    /// </summary>
    public TimeSpan Timeout { get; init; } = System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>Whether to diagnose deadlocks at all. Default true; false leaves only <see cref="Timeout"/> and panics.</summary>
    public bool DetectDeadlocks { get; init; } = true;

    internal void Validate()
    {
        if (GracePeriod <= TimeSpan.Zero || GracePeriod > TimeSpan.FromMinutes(10))
            throw new ArgumentOutOfRangeException(nameof(GracePeriod), GracePeriod, "GoProgramOptions.GracePeriod must be more than zero and at most 10 minutes.");
        if (Timeout != System.Threading.Timeout.InfiniteTimeSpan && (Timeout <= TimeSpan.Zero || Timeout.TotalMilliseconds > int.MaxValue - 1))
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "GoProgramOptions.Timeout must be positive (and under 24 days), or Timeout.InfiniteTimeSpan for none.");
    }
}
