using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Tutorial.Concurrency;

/// <summary>
/// Go's worker pool: a fixed number of workers take jobs from a bounded job channel and stream their outcomes
/// on a result channel, with retries, a dead-letter queue and cancellation on top.
/// </summary>
/// <typeparam name="TIn">The job input type.</typeparam>
/// <typeparam name="TOut">The result value type.</typeparam>
/// <remarks>
/// <para>Life cycle: submit jobs (<see cref="SubmitAsync"/> waits while the job channel is full: backpressure), then
/// <see cref="Complete"/> (Go's <c>close(jobs)</c>). Workers drain the queue and exit, and then <see cref="Results"/> and
/// <see cref="DeadLetters"/> complete and <see cref="Completion"/> finishes: a graceful shutdown.</para>
/// <para>Every accepted job ends in exactly one place:</para>
/// <list type="bullet">
/// <item><see cref="Results"/>: it succeeded (perhaps after retries);</item>
/// <item><see cref="DeadLetters"/>: it failed on every allowed attempt, or with an error that may not be retried;</item>
/// <item><see cref="NotProcessed"/>: the pool was cancelled before the job finished.</item>
/// </list>
/// <para>So, once <see cref="Completion"/> has finished, <c>Submitted == Succeeded + DeadLettered + NotProcessed.Count</c>.</para>
/// <para>Cancellation (<see cref="Cancel"/> or the token given at start) stops workers from taking new jobs and cancels the
/// token passed to running jobs; jobs still queued, and running jobs that end by observing that token, are reported in
/// <see cref="NotProcessed"/>.</para>
/// <para>Where it differs from the teaching shape (one job channel and one result channel, as in the Go article), to keep the
/// cost per job low; measured in <c>tests/Tutorial.Benchmarks</c> (<c>WorkerPoolBenchmarks</c>):</para>
/// <list type="bullet">
/// <item><see cref="Results"/> is a lock-free queue behind the <see cref="ChannelReader{T}"/> API (see
/// <c>WorkerPoolResultChannel</c>) instead of <c>Channel.CreateUnbounded</c>, whose writes take a lock per item.</item>
/// <item>A job whose work completes synchronously and succeeds first time, with no <see cref="WorkerPoolOptions.Timeline"/>,
/// is finished without an async state machine; awaiting work, failures, retries and timelines take the general path.</item>
/// <item><see cref="SubmitAsync"/> completes synchronously when the job channel has room.</item>
/// <item><see cref="WorkerPool.RunAsync{TIn, TOut}"/> uses no job channel at all ("pull mode", the way
/// <c>Parallel.ForEachAsync</c> works): each worker takes the next input from the sequence under a lock, numbering jobs in input
/// order, so no job waits in a queue and no submitter is woken per job. The sequence is then enumerated on the workers'
/// threads, one at a time; an exception it throws stops new jobs and is rethrown by <c>RunAsync</c> once running jobs end.</item>
/// </list>
/// <para>Driven through <see cref="SubmitAsync"/> with the default <see cref="WorkerPoolOptions.JobCapacity"/> (one per
/// worker), every trivial job is still handed from the submitter to a worker through the small job channel, waking one or
/// the other: that is the price of tight backpressure, several times the per-job cost of <c>RunAsync</c>.</para>
/// </remarks>
public sealed partial class WorkerPool<TIn, TOut> : IAsyncDisposable
{
    private readonly Func<TIn, CancellationToken, ValueTask<TOut>> _work;
    private readonly WorkerPoolOptions _options;
    private readonly Channel<Job<TIn>> _jobs;
    // Results are unbounded so a reader that only starts reading after Complete() can never deadlock the workers;
    // the bounded job channel (or, in pull mode, the number of workers) is what limits memory.
    private readonly WorkerPoolResultChannel<Result<TOut>> _results = new();
    private readonly Channel<DeadLetter<TIn>> _deadLetters;
    private readonly ConcurrentQueue<Job<TIn>> _notProcessed = new();
    private readonly CancellationTokenSource _cancellation;

    // Kept apart from _cancellation because CancellationTokenSource.Token throws once the source is disposed (DisposeAsync),
    // and a disposed pool must still answer with its own clear errors.
    private readonly CancellationToken _token;
    private readonly CancellationTokenRegistration _closeJobsOnCancel;
    private int _nextId = -1;
    private int _submitted;
    private int _succeeded;
    private int _deadLettered;
    private volatile bool _completeCalled;

    // Pull mode only (RunAsync): the inputs themselves are the job queue; workers take the next one under this lock.
    private readonly IEnumerator<TIn>? _source;
    private readonly Lock _sourceGate = new();
    private bool _sourceExhausted;
    private ExceptionDispatchInfo? _sourceFailure;

    internal WorkerPool(int workerCount, Func<TIn, CancellationToken, ValueTask<TOut>> work, WorkerPoolOptions? options, CancellationToken cancellationToken)
        : this(workerCount, work, options, source: null, cancellationToken)
    {
    }

    // source != null starts the pool in pull mode: no submissions, workers take jobs from the enumerator (see remarks).
    internal WorkerPool(int workerCount, Func<TIn, CancellationToken, ValueTask<TOut>> work, WorkerPoolOptions? options, IEnumerator<TIn>? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        options ??= new WorkerPoolOptions();
        options.Validate(workerCount);

        _work = work;
        _options = options;
        WorkerCount = workerCount;
        _jobs = Channel.CreateBounded<Job<TIn>>(new BoundedChannelOptions(options.JobCapacity ?? workerCount)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = workerCount == 1,
        });
        _deadLetters = Channel.CreateUnbounded<DeadLetter<TIn>>();

        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _token = _cancellation.Token;
        // Closing the job channel on cancellation wakes idle workers without a token registration per wait.
        _closeJobsOnCancel = _cancellation.Token.Register(static state => ((Channel<Job<TIn>>)state!).Writer.TryComplete(), _jobs);

        if (source is not null)
        {
            _source = source;
            _completeCalled = true;
            _jobs.Writer.TryComplete();
        }

        var workers = new Task[workerCount];
        for (var i = 0; i < workerCount; i++)
        {
            var worker = i + 1;
            workers[i] = source is null ? Task.Run(() => WorkAsync(worker)) : Task.Run(() => PullWorkAsync(worker));
        }
        Completion = ShutDownAfterAsync(workers);
    }

    /// <summary>The number of workers (Go: the number of worker goroutines).</summary>
    public int WorkerCount { get; }

    /// <summary>Successful outcomes, in the order jobs finish (not the order they were submitted).</summary>
    public ChannelReader<Result<TOut>> Results => _results;

    /// <summary>Jobs that failed on every allowed attempt: the dead-letter queue.</summary>
    public ChannelReader<DeadLetter<TIn>> DeadLetters => _deadLetters.Reader;

    /// <summary>Jobs accepted but never finished because the pool was cancelled. Final once <see cref="Completion"/> has finished.</summary>
    public IReadOnlyList<Job<TIn>> NotProcessed => _notProcessed.ToArray();

    /// <summary>How many jobs were accepted.</summary>
    public int Submitted => Volatile.Read(ref _submitted);

    /// <summary>How many jobs have produced a successful result so far.</summary>
    public int Succeeded => Volatile.Read(ref _succeeded);

    /// <summary>How many jobs have gone to the dead-letter queue so far.</summary>
    public int DeadLettered => Volatile.Read(ref _deadLettered);

    /// <summary>Finishes when every worker has exited and <see cref="Results"/> and <see cref="DeadLetters"/> are complete.</summary>
    public Task Completion { get; }

    /// <summary>The token passed to every job; cancelled by <see cref="Cancel"/> or by the token given at start.</summary>
    public CancellationToken CancellationToken => _token;

    /// <summary>Submits a job, waiting while the job channel is full (Go: <c>jobs &lt;- job</c>).</summary>
    /// <param name="input">The job's input.</param>
    /// <param name="cancellationToken">Abandons the wait for room; the job is then not submitted.</param>
    /// <returns>The id given to the job: unique within the pool and increasing in submission order (a refused submission uses up an id).</returns>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was already called: <c>submit on completed worker pool</c>.</exception>
    /// <exception cref="OperationCanceledException">The pool or <paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<int> SubmitAsync(TIn input, CancellationToken cancellationToken = default)
    {
        // Fast path: room in the job channel right now, so no async state machine is needed.
        if (!_completeCalled && !_token.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var job = new Job<TIn>(Interlocked.Increment(ref _nextId), input);
            if (_jobs.Writer.TryWrite(job))
            {
                Interlocked.Increment(ref _submitted);
                return new ValueTask<int>(job.Id);
            }
            return WriteJobAsync(job, cancellationToken);
        }
        return SubmitCheckedAsync(input, cancellationToken);
    }

    // Also the path for bad calls, so that they fail through the returned task as they always did, never synchronously.
    private async ValueTask<int> SubmitCheckedAsync(TIn input, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        return await WriteJobAsync(new Job<TIn>(Interlocked.Increment(ref _nextId), input), cancellationToken);
    }

    private async ValueTask<int> WriteJobAsync(Job<TIn> job, CancellationToken cancellationToken)
    {
        try
        {
            await _jobs.Writer.WriteAsync(job, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            ThrowIfClosed();
            throw;
        }
        Interlocked.Increment(ref _submitted);
        return job.Id;
    }

    /// <summary>Submits a job if there is room right now, without waiting.</summary>
    /// <param name="input">The job's input.</param>
    /// <param name="jobId">The id given to the job, or -1 when it was not accepted.</param>
    /// <returns>True when the job was accepted; false when the job channel is full, completed or cancelled.</returns>
    public bool TrySubmit(TIn input, out int jobId)
    {
        jobId = -1;
        if (_completeCalled || _token.IsCancellationRequested)
            return false;
        var job = new Job<TIn>(Interlocked.Increment(ref _nextId), input);
        if (!_jobs.Writer.TryWrite(job))
            return false;
        Interlocked.Increment(ref _submitted);
        jobId = job.Id;
        return true;
    }

    /// <summary>No more jobs will be submitted (Go: <c>close(jobs)</c>): workers finish the queue, then exit. Calling it again does nothing.</summary>
    public void Complete()
    {
        _completeCalled = true;
        _jobs.Writer.TryComplete();
    }

    /// <summary>Stops the pool: no new jobs start, running jobs see their token cancelled, queued jobs become <see cref="NotProcessed"/>.</summary>
    public void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed means shut down: there is nothing left to cancel.
        }
    }

    /// <summary>Completes the pool (graceful shutdown) and waits for <see cref="Completion"/>.</summary>
    /// <returns>A task that finishes when the pool has shut down.</returns>
    public async ValueTask DisposeAsync()
    {
        Complete();
        try
        {
            await Completion;
        }
        finally
        {
            _closeJobsOnCancel.Dispose();
            _cancellation.Dispose();
        }
    }

    private void ThrowIfClosed()
    {
        _token.ThrowIfCancellationRequested();
        if (_completeCalled)
            throw new InvalidOperationException("submit on completed worker pool: Complete() was already called, so no more jobs are accepted.");
    }
}
