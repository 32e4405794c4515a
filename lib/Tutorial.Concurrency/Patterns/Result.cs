namespace Tutorial.Concurrency;

/// <summary>
/// The outcome of one job as a value, like the Go article's <c>Result{JobID, Value, Error}</c> struct: expected
/// failures travel to the receiver as data instead of being thrown across tasks.
/// </summary>
/// <typeparam name="T">The type of a successful value.</typeparam>
/// <remarks>Create results with <see cref="Success"/> or <see cref="Failure"/>; <c>default(Result&lt;T&gt;)</c> is a
/// success for job 0 with no value and 0 attempts, and means "no result yet" at best.</remarks>
public readonly record struct Result<T>
{
    private Result(int jobId, T? value, Exception? error, int attempts)
    {
        JobId = jobId;
        Value = value;
        Error = error;
        Attempts = attempts;
    }

    /// <summary>The id of the job this result belongs to: the id the caller gave the job (the library never numbers jobs itself).</summary>
    public int JobId { get; }

    /// <summary>The job's value; <c>default</c> when the job failed.</summary>
    public T? Value { get; }

    /// <summary>Why the job failed; <c>null</c> when it succeeded (Go's <c>err != nil</c> check is <c>!IsSuccess</c>).</summary>
    public Exception? Error { get; }

    /// <summary>How many times the job was tried (1 unless it was retried).</summary>
    public int Attempts { get; }

    /// <summary>True when the job produced a value.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>A successful result.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="value">The job's value.</param>
    /// <param name="attempts">How many attempts it took (at least 1).</param>
    /// <returns>The result.</returns>
    public static Result<T> Success(int jobId, T value, int attempts = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        return new(jobId, value, null, attempts);
    }

    /// <summary>A failed result.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="error">Why it failed.</param>
    /// <param name="attempts">How many attempts were made (at least 1).</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null: a failure needs a reason.</exception>
    public static Result<T> Failure(int jobId, Exception error, int attempts = 1)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        return new(jobId, default, error, attempts);
    }

    /// <summary>Reads like Go's <c>fmt.Printf</c> lines: <c>job 3: ok (value)</c> or <c>job 3: error: message</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => IsSuccess
        ? $"job {JobId}: ok ({Value})"
        : $"job {JobId}: error: {Error!.Message}";
}
