namespace Tutorial.Concurrency;

/// <summary>Everything a <see cref="WorkerPool.RunAsync{TIn, TOut}"/> run produced: one outcome for every job it was handed.</summary>
/// <typeparam name="TIn">The job input type.</typeparam>
/// <typeparam name="TOut">The result value type.</typeparam>
public sealed class WorkerPoolReport<TIn, TOut>
{
    private readonly IReadOnlyList<int> _inputIds;

    internal WorkerPoolReport(IReadOnlyList<int> inputIds, IReadOnlyList<Result<TOut>> results,
        IReadOnlyList<DeadLetter<TIn>> deadLetters, IReadOnlyList<Job<TIn>> notProcessed)
    {
        _inputIds = inputIds;
        Results = results;
        DeadLetters = deadLetters;
        NotProcessed = notProcessed;
    }

    /// <summary>How many jobs the caller handed to <see cref="WorkerPool.RunAsync{TIn, TOut}"/>: every input of the run,
    /// including those it never passed to a worker because the run was cancelled first.</summary>
    public int Inputs => _inputIds.Count;

    /// <summary>Successful results, in the order they finished.</summary>
    public IReadOnlyList<Result<TOut>> Results { get; }

    /// <summary>Jobs that failed on every allowed attempt (or with an error <see cref="WorkerPoolOptions.ShouldRetry"/> refused).</summary>
    public IReadOnlyList<DeadLetter<TIn>> DeadLetters { get; }

    /// <summary>Jobs whose outcome cancellation prevented: never started, stopped while running, or finished with nobody reading results.</summary>
    public IReadOnlyList<Job<TIn>> NotProcessed { get; }

    /// <summary>
    /// True when every job handed over has exactly one outcome: results + dead letters + not processed = <see cref="Inputs"/>,
    /// and the outcomes' job ids are exactly the ids handed over.
    /// </summary>
    public bool IsFullyAccounted =>
        Results.Count + DeadLetters.Count + NotProcessed.Count == Inputs
        && Results.Select(r => r.JobId).Concat(DeadLetters.Select(d => d.Job.Id)).Concat(NotProcessed.Select(j => j.Id)).Order()
            .SequenceEqual(_inputIds.Order());

    /// <summary>A one-line tally.</summary>
    /// <returns>For example <c>20 inputs: 18 succeeded, 1 dead-lettered, 1 not processed</c>.</returns>
    public override string ToString() =>
        $"{Inputs} inputs: {Results.Count} succeeded, {DeadLetters.Count} dead-lettered, {NotProcessed.Count} not processed";
}
