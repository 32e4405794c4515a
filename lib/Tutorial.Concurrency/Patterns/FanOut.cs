using System.Threading.Channels;

namespace Tutorial.Concurrency;

/// <summary>
/// Fan-out / fan-in: one task per item (Go: one goroutine per item), every outcome delivered as a
/// <see cref="Result{T}"/> on one channel that is closed once the last task has finished.
/// </summary>
/// <remarks>
/// Use it for a small, known set of independent jobs. For many jobs, bound the concurrency with a
/// <see cref="WorkerPool{TIn, TOut}"/> instead.
/// </remarks>
public static class FanOut
{
    /// <summary>Starts one task per input and returns the channel their results arrive on, in completion order.</summary>
    /// <typeparam name="TIn">The input type.</typeparam>
    /// <typeparam name="TOut">The result type.</typeparam>
    /// <param name="inputs">The inputs; input number <c>i</c> (from 0) becomes the job with id <c>i</c>.</param>
    /// <param name="work">The work for one input. Exceptions it throws become failed results, never lost.</param>
    /// <param name="cancellationToken">Passed to every job; jobs it stops report an <see cref="OperationCanceledException"/> as their error.</param>
    /// <returns>A reader of exactly one result per input, completed (closed) after the last one: the "closer goroutine" pattern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or <paramref name="work"/> is null.</exception>
    /// <remarks>The inputs are enumerated once, completely, before any job starts.</remarks>
    public static ChannelReader<Result<TOut>> Start<TIn, TOut>(
        IEnumerable<TIn> inputs,
        Func<TIn, CancellationToken, ValueTask<TOut>> work,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(work);

        // The buffer holds every result, so no job ever waits on a slow reader (the article's make(chan Result, n)).
        var results = Channel.CreateUnbounded<Result<TOut>>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
        // Read every input before starting anything: an enumeration that throws half-way then fails the call itself,
        // instead of leaving some jobs running and a result channel that nobody will ever close.
        var items = inputs.ToList();
        var jobs = new List<Task>(items.Count);
        var id = 0;
        foreach (var input in items)
        {
            var job = new Job<TIn>(id++, input);
            // Task.Run so that a job that blocks before its first await cannot hold up the launching loop.
            jobs.Add(Task.Run(() => RunOneAsync(job, work, results.Writer, cancellationToken)));
        }

        // The closer: only once every job has written its result may the channel be closed.
        _ = Task.WhenAll(jobs).ContinueWith(
            _ => results.Writer.TryComplete(),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return results.Reader;
    }

    /// <summary>Starts one task per input and returns the channel their results arrive on.</summary>
    /// <typeparam name="TIn">The input type.</typeparam>
    /// <typeparam name="TOut">The result type.</typeparam>
    /// <param name="inputs">The inputs; input number <c>i</c> (from 0) becomes the job with id <c>i</c>.</param>
    /// <param name="work">The work for one input.</param>
    /// <returns>A reader of exactly one result per input, closed after the last one.</returns>
    public static ChannelReader<Result<TOut>> Start<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, ValueTask<TOut>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Start<TIn, TOut>(inputs, (input, _) => work(input));
    }

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
