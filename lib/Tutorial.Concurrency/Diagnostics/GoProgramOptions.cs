namespace Tutorial.Concurrency;

/// <summary>Settings for <see cref="GoProgram.RunAsync(Func{GoProgram, Task}, GoProgramOptions?, CancellationToken)"/>.</summary>
public sealed class GoProgramOptions
{
    /// <summary>
    /// How long the all-parked state must stay unchanged before it is reported as a deadlock. Default 100 ms.
    /// A report comes between one and two grace periods after the last progress.
    /// </summary>
    /// <remarks>
    /// Watched operations that complete are seen at once, so the grace period is not what prevents a false report
    /// between watched goroutines; it leaves room for things the detector cannot see (code outside the program,
    /// a <c>Task.Run</c>) to make progress before the program is declared dead.
    /// </remarks>
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
