namespace Tutorial.Concurrency;

/// <summary>Everything a finished <see cref="WorkerPool{TIn, TOut}"/> run produced, for callers that want it all at once.</summary>
/// <typeparam name="TIn">The job input type.</typeparam>
/// <typeparam name="TOut">The result value type.</typeparam>
/// <param name="Submitted">How many jobs were accepted.</param>
/// <param name="Results">Successful results, in the order they finished.</param>
/// <param name="DeadLetters">Jobs that failed on every allowed attempt.</param>
/// <param name="NotProcessed">Jobs that cancellation stopped before they finished.</param>
public sealed record WorkerPoolReport<TIn, TOut>(
    int Submitted,
    IReadOnlyList<Result<TOut>> Results,
    IReadOnlyList<DeadLetter<TIn>> DeadLetters,
    IReadOnlyList<Job<TIn>> NotProcessed)
{
    /// <summary>True when every submitted job is accounted for exactly once.</summary>
    public bool IsFullyAccounted => Submitted == Results.Count + DeadLetters.Count + NotProcessed.Count
        && Results.Select(r => r.JobId).Concat(DeadLetters.Select(d => d.Job.Id)).Concat(NotProcessed.Select(j => j.Id)).Distinct().Count() == Submitted;

    /// <summary>A one-line tally.</summary>
    /// <returns>For example <c>20 submitted: 18 succeeded, 1 dead-lettered, 1 not processed</c>.</returns>
    public override string ToString() =>
        $"{Submitted} submitted: {Results.Count} succeeded, {DeadLetters.Count} dead-lettered, {NotProcessed.Count} not processed";
}
