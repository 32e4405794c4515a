namespace Tutorial.Concurrency;

/// <summary>Starts <see cref="WorkerPool{TIn, TOut}"/>s, and runs a whole batch through one.</summary>
public static class WorkerPool
{
    /// <summary>Starts <paramref name="workerCount"/> workers that run <paramref name="work"/> on each submitted job.</summary>
    /// <typeparam name="TIn">The job input type.</typeparam>
    /// <typeparam name="TOut">The result value type.</typeparam>
    /// <param name="workerCount">How many jobs may run at once (at least 1).</param>
    /// <param name="work">The work for one job; it receives the pool's cancellation token.</param>
    /// <param name="options">Queue size, retries and recording; <c>null</c> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the whole pool.</param>
    /// <returns>The running pool.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workerCount"/> is less than 1, or an option is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    public static WorkerPool<TIn, TOut> Start<TIn, TOut>(
        int workerCount,
        Func<TIn, CancellationToken, ValueTask<TOut>> work,
        WorkerPoolOptions? options = null,
        CancellationToken cancellationToken = default) =>
        new(workerCount, work, options, cancellationToken);

    /// <summary>
    /// Runs every input through a new pool of <paramref name="workerCount"/> workers, which take the inputs in order
    /// (job ids 0, 1, 2, ...) until the sequence ends, and collects every outcome.
    /// </summary>
    /// <remarks>
    /// No job channel stands between the inputs and the workers: each worker takes the next input itself, so the sequence
    /// is enumerated on the workers' threads, one item at a time (see the remarks of <see cref="WorkerPool{TIn, TOut}"/>).
    /// If the sequence throws, no further job starts, and the exception is rethrown once the running jobs have ended.
    /// </remarks>
    /// <typeparam name="TIn">The job input type.</typeparam>
    /// <typeparam name="TOut">The result value type.</typeparam>
    /// <param name="inputs">The jobs, in submission order (ids 0, 1, 2, ...).</param>
    /// <param name="workerCount">How many jobs may run at once (at least 1).</param>
    /// <param name="work">The work for one job.</param>
    /// <param name="options">Queue size, retries and recording; <c>null</c> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the run: jobs not finished are reported as not processed, not thrown.</param>
    /// <returns>The report: results, dead letters and jobs not processed, every input accounted for once.</returns>
    public static async Task<WorkerPoolReport<TIn, TOut>> RunAsync<TIn, TOut>(
        IEnumerable<TIn> inputs,
        int workerCount,
        Func<TIn, CancellationToken, ValueTask<TOut>> work,
        WorkerPoolOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(work);
        // Validate before taking an enumerator, so that bad arguments leave nothing undisposed.
        (options ?? new WorkerPoolOptions()).Validate(workerCount);
        // Pull mode: the workers take the inputs in order straight from the sequence, so no job waits in a channel and
        // no submitter has to be woken for every job (see WorkerPool<TIn, TOut>'s remarks).
        await using var pool = new WorkerPool<TIn, TOut>(workerCount, work, options, inputs.GetEnumerator(), cancellationToken);
        // Read while the workers run, as a Go main routine would: the channels stay short.
        var results = pool.Results.ToListAsync(CancellationToken.None);
        var deadLetters = pool.DeadLetters.ToListAsync(CancellationToken.None);
        await pool.Completion;
        pool.ThrowIfSourceFailed();
        return new WorkerPoolReport<TIn, TOut>(pool.Submitted, await results, await deadLetters, pool.NotProcessed);
    }
}
