namespace Tutorial.Concurrency;

/// <summary>Starts worker pools (see <see cref="WorkerPool{TIn, TOut}"/>), or runs a batch of jobs through one.</summary>
public static class WorkerPool
{
    /// <summary>Starts <paramref name="workerCount"/> workers that run <paramref name="work"/> on each submitted job.</summary>
    /// <typeparam name="TIn">The job input type.</typeparam>
    /// <typeparam name="TOut">The result value type.</typeparam>
    /// <param name="workerCount">How many jobs may run at once (at least 1).</param>
    /// <param name="work">The work for one job's input; it receives the pool's cancellation token.</param>
    /// <param name="options">Channel sizes, retries and recording; <c>null</c> for the defaults.</param>
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
    /// The article's program in one call: starts a pool, submits every job in order (waiting while the job channel is full),
    /// completes the pool, and collects every outcome while the workers run.
    /// </summary>
    /// <remarks>
    /// The jobs are read one at a time, as they are submitted, so a lazily produced sequence is read no further than
    /// <see cref="WorkerPoolOptions.JobCapacity"/> jobs ahead of the workers. If the run is cancelled, the jobs not yet handed
    /// to a worker are read to the end and reported as not processed, so the report covers every job: pass a finite sequence.
    /// If the sequence itself throws, the pool is cancelled and the exception is rethrown once it has shut down.
    /// </remarks>
    /// <typeparam name="TIn">The job input type.</typeparam>
    /// <typeparam name="TOut">The result value type.</typeparam>
    /// <param name="jobs">The jobs, in submission order, each with the id its outcome will carry.</param>
    /// <param name="workerCount">How many jobs may run at once (at least 1).</param>
    /// <param name="work">The work for one job's input.</param>
    /// <param name="options">Channel sizes, retries and recording; <c>null</c> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the run: jobs not finished are reported as not processed, not thrown.</param>
    /// <returns>The report: results, dead letters and jobs not processed, every job handed over accounted for once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobs"/> or <paramref name="work"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workerCount"/> is less than 1, or an option is out of range.</exception>
    public static async Task<WorkerPoolReport<TIn, TOut>> RunAsync<TIn, TOut>(
        IEnumerable<Job<TIn>> jobs,
        int workerCount,
        Func<TIn, CancellationToken, ValueTask<TOut>> work,
        WorkerPoolOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        await using var pool = new WorkerPool<TIn, TOut>(workerCount, work, options, cancellationToken);
        // Sized up front when the count is known without enumerating: growing lists of a million items costs more than the pool.
        var expected = jobs.TryGetNonEnumeratedCount(out var count) ? count : 0;
        // Read while the workers run, as a Go main goroutine would: the result channel is bounded.
        var results = CollectAsync(pool.Results, expected);
        var submittedIds = new List<int>(expected);
        var notSubmitted = new List<Job<TIn>>();
        using (var next = jobs.GetEnumerator())
        {
            while (next.MoveNext())
            {
                var job = next.Current;
                submittedIds.Add(job.Id);
                try
                {
                    await pool.SubmitAsync(job);
                }
                catch (OperationCanceledException)
                {
                    // Cancelled: this job and every later one never reached a worker.
                    notSubmitted.Add(job);
                    while (next.MoveNext())
                    {
                        submittedIds.Add(next.Current.Id);
                        notSubmitted.Add(next.Current);
                    }
                    break;
                }
            }
        }
        pool.Complete();
        await pool.Completion;
        return new WorkerPoolReport<TIn, TOut>(submittedIds, await results, pool.DeadLetters, [.. pool.NotProcessed, .. notSubmitted]);
    }

    /// <summary>
    /// Runs a batch where each id is its own job's input (e.g. image ids) through a new pool: see
    /// <see cref="RunAsync{TIn, TOut}(IEnumerable{Job{TIn}}, int, Func{TIn, CancellationToken, ValueTask{TOut}}, WorkerPoolOptions?, CancellationToken)"/>.
    /// </summary>
    /// <typeparam name="TOut">The result value type.</typeparam>
    /// <param name="jobIds">The ids, in submission order: <paramref name="work"/> receives each, and its outcome carries it as the job id.</param>
    /// <param name="workerCount">How many jobs may run at once (at least 1).</param>
    /// <param name="work">The work for one id.</param>
    /// <param name="options">Channel sizes, retries and recording; <c>null</c> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the run: jobs not finished are reported as not processed, not thrown.</param>
    /// <returns>The report: results, dead letters and jobs not processed, every id accounted for once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobIds"/> or <paramref name="work"/> is null.</exception>
    public static async Task<WorkerPoolReport<int, TOut>> RunAsync<TOut>(
        IEnumerable<int> jobIds,
        int workerCount,
        Func<int, CancellationToken, ValueTask<TOut>> work,
        WorkerPoolOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        // Awaited here so that a null jobIds fails through the returned task, like every other bad argument.
        return await RunAsync(JobIds.AsJobs(jobIds, nameof(jobIds)), workerCount, work, options, cancellationToken);
    }

    private static async Task<List<T>> CollectAsync<T>(System.Threading.Channels.ChannelReader<T> reader, int capacity)
    {
        var items = new List<T>(capacity);
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var item))
                items.Add(item);
        }
        return items;
    }
}
