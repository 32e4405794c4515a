
namespace Tutorial.Concurrency;

/// <summary>How a <see cref="WorkerPool{TIn, TOut}"/> queues, retries and records its jobs.</summary>
public sealed record WorkerPoolOptions
{
    // 1024 on both channels: on tiny jobs the submitter, the workers and the reader then seldom wait for one another
    // (every wait is a thread-pool hand-over of a few microseconds); with a capacity of one per worker the same
    // trivial-job benchmark (tests/Tutorial.Benchmarks, WorkerPoolBenchmarks) cost 3 to 4 times as much per job.
    // No unbuffered (0) channels: .NET's rendezvous channel lets a writer meet only a reader parked in ReadAsync (and the
    // reverse), while the pool waits with WaitToWriteAsync/WaitToReadAsync and TryWrite/TryRead (see WorkerPool's
    // WaitForRoomAsync for why).
    private const int DefaultCapacity = 1024;

    /// <summary>
    /// How many jobs may wait for a worker (Go: <c>make(chan Job, JobCapacity)</c>). When the job channel is full,
    /// <see cref="WorkerPool{TIn, TOut}.SubmitAsync"/> waits, and so does <see cref="WorkerPool.RunAsync{TIn, TOut}"/> before it
    /// reads the next input: that is backpressure. At least 1; default 1024.
    /// </summary>
    public int JobCapacity { get; init; } = DefaultCapacity;

    /// <summary>
    /// How many results may wait for a reader of <see cref="WorkerPool{TIn, TOut}.Results"/> (Go: <c>make(chan Result, ResultCapacity)</c>).
    /// When it is full, workers wait before taking their next job, so an unread result channel soon makes submitters
    /// wait too. At least 1; default 1024.
    /// </summary>
    public int ResultCapacity { get; init; } = DefaultCapacity;

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
        if (JobCapacity < 1)
            throw new ArgumentOutOfRangeException(nameof(JobCapacity), JobCapacity, "JobCapacity must be at least 1 (room for one waiting job).");
        if (ResultCapacity < 1)
            throw new ArgumentOutOfRangeException(nameof(ResultCapacity), ResultCapacity, "ResultCapacity must be at least 1 (room for one unread result).");
        if (MaxAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be at least 1 (1 means no retries).");
    }
}
