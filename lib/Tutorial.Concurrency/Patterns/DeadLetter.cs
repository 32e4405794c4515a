namespace Tutorial.Concurrency;

/// <summary>
/// A job that failed on every attempt, parked in the dead-letter queue (DLQ) with everything needed to inspect it
/// or submit it again later.
/// </summary>
/// <typeparam name="T">The job's input.</typeparam>
/// <param name="Job">The job that failed.</param>
/// <param name="Errors">The error of each attempt, in order.</param>
/// <exception cref="ArgumentNullException"><paramref name="Errors"/> is null.</exception>
/// <exception cref="ArgumentException"><paramref name="Errors"/> is empty: a job cannot be dead without a failed attempt.</exception>
public sealed record DeadLetter<T>(Job<T> Job, IReadOnlyList<Exception> Errors)
{
    /// <summary>The error of each attempt, in order; never empty, so <see cref="LastError"/> always exists.</summary>
    public IReadOnlyList<Exception> Errors { get; init; } = Errors is null
        ? throw new ArgumentNullException(nameof(Errors))
        : Errors.Count > 0 ? Errors : throw new ArgumentException("A dead letter needs the error of at least one failed attempt.", nameof(Errors));

    /// <summary>How many times the job was tried.</summary>
    public int Attempts => Errors.Count;

    /// <summary>The error of the final attempt.</summary>
    public Exception LastError => Errors[^1];

    /// <summary>A one-line description.</summary>
    /// <returns>For example <c>job 7: dead after 3 attempts: timeout</c>.</returns>
    public override string ToString() => $"job {Job.Id}: dead after {Attempts} attempt{(Attempts == 1 ? "" : "s")}: {LastError.Message}";
}
