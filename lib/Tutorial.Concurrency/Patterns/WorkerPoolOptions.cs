using Tutorial.Concurrency.Measurement;

namespace Tutorial.Concurrency;

/// <summary>How a <see cref="WorkerPool{TIn, TOut}"/> queues, retries and records its jobs.</summary>
public sealed record WorkerPoolOptions
{
    /// <summary>
    /// How many submitted jobs may wait for a worker before <see cref="WorkerPool{TIn, TOut}.SubmitAsync"/> waits too
    /// (backpressure). <c>null</c> (the default) means one per worker; 0 hands each job straight to a worker (unbuffered).
    /// </summary>
    public int? JobCapacity { get; init; }

    /// <summary>How many times a job is tried before it goes to the dead-letter queue. 1 (the default) means no retries.</summary>
    public int MaxAttempts { get; init; } = 1;

    /// <summary>
    /// Decides whether a failed attempt may be retried; <c>null</c> (the default) retries every error. If it throws, the job
    /// is not retried: it is dead-lettered with an <see cref="AggregateException"/> of the job's error and the predicate's.
    /// </summary>
    public Func<Exception, bool>? ShouldRetry { get; init; }

    /// <summary>When set, every attempt is recorded on it with the worker that ran it (for Gantt charts).</summary>
    public Timeline? Timeline { get; init; }

    internal void Validate(int workerCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workerCount, 1, nameof(workerCount));
        if (JobCapacity is < 0)
            throw new ArgumentOutOfRangeException(nameof(JobCapacity), JobCapacity, "JobCapacity must be 0 (unbuffered) or more.");
        if (MaxAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be at least 1 (1 means no retries).");
    }
}
