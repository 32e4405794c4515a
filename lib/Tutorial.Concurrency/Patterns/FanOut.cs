using System.Threading.Channels;

namespace Tutorial.Concurrency;

/// <summary>
/// Fan-out / fan-in: one task per job (Go: one goroutine per job), every outcome delivered as a <see cref="Result{T}"/>
/// on one channel that is closed once the last task has finished.
/// </summary>
/// <remarks>
/// Use it for a small, known set of independent jobs. For many jobs, bound the concurrency with a
/// <see cref="WorkerPool{TIn, TOut}"/> instead. Job ids are the caller's: each result names its job by the id it was
/// handed over with.
/// </remarks>
public static class FanOut
{
    /// <summary>Starts one task per job and returns the channel their results arrive on, in completion order.</summary>
    /// <typeparam name="TIn">The job input type.</typeparam>
    /// <typeparam name="TOut">The result type.</typeparam>
    /// <param name="jobs">The jobs, each with the id its result will carry.</param>
    /// <param name="work">The work for one job's input. Exceptions it throws become failed results, never lost.</param>
    /// <param name="cancellationToken">Passed to every job; jobs it stops report an <see cref="OperationCanceledException"/> as their error.</param>
    /// <returns>A reader of exactly one result per job, completed (closed) after the last one: the "closer goroutine" pattern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobs"/> or <paramref name="work"/> is null.</exception>
    /// <remarks>The jobs are enumerated once, completely, before any of them starts.</remarks>
    public static ChannelReader<Result<TOut>> Start<TIn, TOut>(
        IEnumerable<Job<TIn>> jobs,
        Func<TIn, CancellationToken, ValueTask<TOut>> work,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(work);

        // Read every job before starting anything: an enumeration that throws half-way then fails the call itself,
        // instead of leaving some jobs running and a result channel that nobody will ever close.
        var batch = jobs.ToList();
        // The buffer holds every result, so no job ever waits on a slow reader (the article's make(chan Result, n)).
        // Inside a watched program (the deadlock detector) the channel and the jobs are watched like hand-written ones.
        var watcher = Watcher.Active;
        var results = watcher?.TryMakeChannel<Result<TOut>>(null, "fan-out results") ?? Channel.CreateUnbounded<Result<TOut>>();
        var tasks = new Task[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var job = batch[i];
            // On the thread pool, so that a job that blocks before its first await cannot hold up the launching loop.
            Func<Task> run = () => RunOneAsync(job, work, results.Writer, cancellationToken);
            tasks[i] = watcher?.TryStartGoroutine($"fan-out job {job.Id}", run) ?? Task.Run(run);
        }

        // The closer: only once every job has written its result may the channel be closed.
        _ = Task.WhenAll(tasks).ContinueWith(
            _ => results.Writer.TryComplete(),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return results.Reader;
    }

    /// <summary>Starts one task per id, where each id is its own job's input, and returns the channel their results arrive on.</summary>
    /// <typeparam name="TOut">The result type.</typeparam>
    /// <param name="jobIds">The ids, e.g. image ids: <paramref name="work"/> receives each, and its result carries it as <see cref="Result{T}.JobId"/>.</param>
    /// <param name="work">The work for one id. Exceptions it throws become failed results, never lost.</param>
    /// <param name="cancellationToken">Passed to every job.</param>
    /// <returns>A reader of exactly one result per id, closed after the last one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobIds"/> or <paramref name="work"/> is null.</exception>
    public static ChannelReader<Result<TOut>> Start<TOut>(
        IEnumerable<int> jobIds,
        Func<int, CancellationToken, ValueTask<TOut>> work,
        CancellationToken cancellationToken = default) =>
        Start(JobIds.AsJobs(jobIds, nameof(jobIds)), work, cancellationToken);

    private static async Task RunOneAsync<TIn, TOut>(
        Job<TIn> job,
        Func<TIn, CancellationToken, ValueTask<TOut>> work,
        ChannelWriter<Result<TOut>> results,
        CancellationToken cancellationToken)
    {
        Result<TOut> result;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            result = Result<TOut>.Success(job.Id, await work(job.Input, cancellationToken));
        }
        catch (Exception e)
        {
            result = Result<TOut>.Failure(job.Id, e);
        }
        // Unbounded and only closed after every job has finished, so this write always succeeds.
        results.TryWrite(result);
    }
}
