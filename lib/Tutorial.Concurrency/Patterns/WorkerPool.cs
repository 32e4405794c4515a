using System.Diagnostics;
using System.Threading.Channels;

namespace Tutorial.Concurrency;

/// <summary>
/// Go's worker pool: a fixed number of workers take jobs from a bounded job channel and send each success to a bounded
/// result channel, with retries, a dead-letter queue and cancellation on top.
/// </summary>
/// <typeparam name="TIn">The job input type.</typeparam>
/// <typeparam name="TOut">The result value type.</typeparam>
/// <remarks>
/// <para>Life cycle: <see cref="SubmitAsync"/> jobs (Go: <c>jobs &lt;- job</c>) while you read <see cref="Results"/>
/// (Go: <c>for r := range results</c>), then <see cref="Complete"/> (Go: <c>close(jobs)</c>): the workers finish the queued
/// jobs and exit, <see cref="Results"/> completes and <see cref="Completion"/> finishes. That is the graceful shutdown.</para>
/// <para>Both channels are bounded (<see cref="WorkerPoolOptions.JobCapacity"/>, <see cref="WorkerPoolOptions.ResultCapacity"/>):
/// if nobody reads <see cref="Results"/>, the workers wait once it is full, the job channel fills, and
/// <see cref="SubmitAsync"/> waits. Backpressure reaches the submitter, and memory stays flat. So read the results while
/// you submit, as Go's main goroutine does; otherwise the pool stalls until you read, cancel or dispose it.</para>
/// <para>Every job handed over ends in exactly one place; job ids are the caller's (see <see cref="Job{T}"/>):</para>
/// <list type="bullet">
/// <item><see cref="Results"/>: it succeeded (perhaps after retries);</item>
/// <item><see cref="DeadLetters"/>: it failed on every allowed attempt, or with an error that may not be retried;</item>
/// <item><see cref="NotProcessed"/>: cancellation came first: still queued, stopped while running, or finished while
/// <see cref="Results"/> was full.</item>
/// </list>
/// <para>Two ways to stop. Graceful, unbounded: <see cref="Complete"/>, then await <see cref="Completion"/> (every queued job
/// runs). Bounded: <see cref="Cancel"/> or <see cref="DisposeAsync"/>: no new job starts, running jobs see their token
/// cancelled, and whatever did not finish is reported in <see cref="NotProcessed"/>. Only a job that ignores its token
/// can keep them waiting.</para>
/// </remarks>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed class WorkerPool<TIn, TOut> : IAsyncDisposable
{
    private readonly Func<TIn, CancellationToken, ValueTask<TOut>> _work;
    private readonly WorkerPoolOptions _options;
    private readonly Channel<Job<TIn>> _jobs;
    private readonly Channel<Result<TOut>> _results;
    private readonly CancellationTokenSource _cancellation;

    // Kept apart from _cancellation because CancellationTokenSource.Token throws once the source is disposed (DisposeAsync),
    // and a disposed pool must still answer with its own clear errors.
    private readonly CancellationToken _token;
    private readonly CancellationTokenRegistration _closeJobsOnCancel;

    // Dead letters and jobs not processed are rare (failures, cancellation): one lock for both costs nothing per job.
    private readonly Lock _gate = new();
    private readonly List<DeadLetter<TIn>> _deadLetters = [];
    private readonly List<Job<TIn>> _notProcessed = [];
    private volatile bool _completeCalled;

    internal WorkerPool(int workerCount, Func<TIn, CancellationToken, ValueTask<TOut>> work, WorkerPoolOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        options ??= new WorkerPoolOptions();
        options.Validate(workerCount);

        _work = work;
        _options = options;
        WorkerCount = workerCount;
        // Inside a watched program (the deadlock detector) the channels report their waits, so a pool nobody completes is
        // diagnosed like a hand-written one.
        var watcher = Watcher.Active;
        _jobs = watcher?.TryMakeChannel<Job<TIn>>(options.JobCapacity, "worker pool jobs")
            ?? Channel.CreateBounded<Job<TIn>>(new BoundedChannelOptions(options.JobCapacity) { SingleReader = workerCount == 1 });
        _results = watcher?.TryMakeChannel<Result<TOut>>(options.ResultCapacity, "worker pool results")
            ?? Channel.CreateBounded<Result<TOut>>(new BoundedChannelOptions(options.ResultCapacity) { SingleWriter = workerCount == 1 });
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _token = _cancellation.Token;
        // Closing the job channel on cancellation wakes idle workers and refuses submitters waiting for room, without a
        // token registration per wait.
        _closeJobsOnCancel = _token.Register(static state => ((Channel<Job<TIn>>)state!).Writer.TryComplete(), _jobs);

        var workers = new Task[workerCount];
        for (var i = 0; i < workerCount; i++)
        {
            var worker = i + 1;
            Func<Task> loop = () => WorkAsync(worker);
            workers[i] = watcher?.TryStartGoroutine($"worker pool worker {worker}", loop) ?? Task.Run(loop);
        }
        Completion = ShutDownAfterAsync(workers);
    }

    // The number of workers (Go: the number of worker goroutines).
    internal int WorkerCount { get; }

    /// <summary>Successful outcomes, in the order jobs finish (not the order they were submitted). Bounded: read it while the pool runs.</summary>
    public ChannelReader<Result<TOut>> Results => _results.Reader;

    /// <summary>Jobs that failed on every allowed attempt: the dead-letter queue. Final once <see cref="Completion"/> has finished.</summary>
    public IReadOnlyList<DeadLetter<TIn>> DeadLetters
    {
        get
        {
            lock (_gate)
                return [.. _deadLetters];
        }
    }

    /// <summary>Jobs handed over whose outcome cancellation prevented (see the remarks). Final once <see cref="Completion"/> has finished.</summary>
    public IReadOnlyList<Job<TIn>> NotProcessed
    {
        get
        {
            lock (_gate)
                return [.. _notProcessed];
        }
    }

    /// <summary>Finishes when every worker has exited and <see cref="Results"/> has been completed (its unread items stay readable).</summary>
    public Task Completion { get; }

    /// <summary>The token passed to every job.</summary>
    internal CancellationToken CancellationToken => _token;

    private string DebuggerDisplay
    {
        get
        {
            var state = Completion.IsCompleted ? "shut down" : _token.IsCancellationRequested ? "cancelled" : _completeCalled ? "completing" : "running";
            lock (_gate)
                return $"{WorkerCount} workers, {state}: {_jobs.Reader.Count} jobs queued, {_results.Reader.Count} results unread, "
                    + $"{_deadLetters.Count} dead-lettered, {_notProcessed.Count} not processed";
        }
    }

    /// <summary>Hands a job to the pool, waiting while the job channel is full (Go: <c>jobs &lt;- job</c>).</summary>
    /// <param name="job">The job; its id is what its outcome will carry.</param>
    /// <param name="cancellationToken">Abandons the wait for room; the job is then not handed over.</param>
    /// <returns>A task that completes once the job is in the job channel.</returns>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was already called: <c>submit on completed worker pool</c>.</exception>
    /// <exception cref="OperationCanceledException">The pool was cancelled or disposed, or <paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask SubmitAsync(Job<TIn> job, CancellationToken cancellationToken = default)
    {
        // Room in the job channel right now: no async state machine needed. Bad calls fail through the returned task.
        if (!_completeCalled && !_token.IsCancellationRequested && !cancellationToken.IsCancellationRequested && _jobs.Writer.TryWrite(job))
            return default;
        return SubmitSlowAsync(job, cancellationToken);
    }

    private async ValueTask SubmitSlowAsync(Job<TIn> job, CancellationToken cancellationToken)
    {
        while (true)
        {
            ThrowIfClosed();
            cancellationToken.ThrowIfCancellationRequested();
            if (_jobs.Writer.TryWrite(job))
                return;
            // The job channel is full: wait for room (backpressure), then try again.
            if (!await WaitForRoomAsync(_jobs.Writer, cancellationToken))
            {
                ThrowIfClosed();
                throw new ChannelClosedException();
            }
        }
    }

    // Waits until the channel may have room (true) or is closed (false); throws if the token is cancelled first.
    // The channel wait itself takes no token, and no write ever waits inside the channel. While the pool was redesigned, a
    // stress test (WorkerPoolCancellationStressTests) saw a job counted both as a result and as not processed when a
    // worker's WriteAsync was cancelled just as it started to wait (.NET 10.0.12). A direct repro with bare channels did not
    // show it, so the cause is not pinned down; rather than rely on how a cancelled, waiting write settles, cancellation is
    // watched from outside the channel and items go in with TryWrite, which either takes the item or does not.
    private static async ValueTask<bool> WaitForRoomAsync<T>(ChannelWriter<T> writer, CancellationToken cancellationToken)
    {
        var room = writer.WaitToWriteAsync();
        return room.IsCompleted ? room.Result : await room.AsTask().WaitAsync(cancellationToken);
    }

    /// <summary>No more jobs will be submitted (Go: <c>close(jobs)</c>): workers finish the queue, then exit. Calling it again does nothing.</summary>
    public void Complete()
    {
        _completeCalled = true;
        _jobs.Writer.TryComplete();
    }

    /// <summary>Stops the pool: no new job starts, running jobs see their token cancelled, queued jobs become <see cref="NotProcessed"/>.</summary>
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

    /// <summary>
    /// Cancels the pool and waits for it to shut down: bounded, because running jobs see their token cancelled; jobs that
    /// did not finish are in <see cref="NotProcessed"/>. For a graceful end, call <see cref="Complete"/> and await
    /// <see cref="Completion"/> first: disposing a completed pool cancels nothing.
    /// </summary>
    /// <returns>A task that finishes when the pool has shut down.</returns>
    public async ValueTask DisposeAsync()
    {
        Cancel();
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

    // One worker (Go: one worker goroutine): takes jobs until the job channel is closed and drained, or the pool is
    // cancelled, and runs each job to its one outcome: a result, a dead letter, or not processed. One loop, no helper
    // frames per job: this loop is the pool's whole per-job cost (WorkerPoolBenchmarks).
    private async Task WorkAsync(int worker)
    {
        var jobs = _jobs.Reader;
        var results = _results.Writer;
        var token = _token;
        var timeline = _options.Timeline;
        var lane = $"worker {worker}";
        // No token on the wait: cancellation completes the job channel, which ends it.
        while (await jobs.WaitToReadAsync())
        {
            while (!token.IsCancellationRequested && jobs.TryRead(out var job))
            {
                List<Exception>? errors = null;
                for (var attempt = 1; ; attempt++)
                {
                    var started = timeline?.Now ?? default;
                    TOut value;
                    try
                    {
                        // Inside the try, a work delegate that throws is treated exactly like one that returns a faulted task.
                        value = await _work(job.Input, token);
                    }
                    catch (Exception e)
                    {
                        timeline?.Record(lane, job.Id, started, timeline.Now, succeeded: false);
                        if (e is OperationCanceledException && token.IsCancellationRequested)
                        {
                            Park(_notProcessed, job);
                            break;
                        }
                        (errors ??= []).Add(e);
                        if (!MayRetry(errors, attempt))
                            Park(_deadLetters, new DeadLetter<TIn>(job, errors));
                        else if (token.IsCancellationRequested)
                            Park(_notProcessed, job); // would be retried, but the pool is stopping
                        else
                            continue;
                        break;
                    }
                    timeline?.Record(lane, job.Id, started, timeline.Now, succeeded: true);
                    var result = Result<TOut>.Success(job.Id, value, attempt);
                    if (!results.TryWrite(result) && !await WriteWhenRoomAsync(results, result, token))
                        Park(_notProcessed, job); // cancelled while Results was full: the result never reached it
                    break;
                }
            }
            if (token.IsCancellationRequested)
                return;
        }
    }

    // Results is full: wait for a reader to make room (backpressure), unless the pool is cancelled first.
    private static async ValueTask<bool> WriteWhenRoomAsync(ChannelWriter<Result<TOut>> results, Result<TOut> result, CancellationToken token)
    {
        try
        {
            while (await WaitForRoomAsync(results, token))
            {
                if (results.TryWrite(result))
                    return true;
            }
            return false; // closed: cannot happen while a worker runs, Results is completed after the last one exits
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // errors[^1] is the error of this attempt; it may be replaced when ShouldRetry itself fails.
    private bool MayRetry(List<Exception> errors, int attempt)
    {
        Debug.Assert(errors.Count == attempt, "one error per failed attempt");
        if (attempt >= _options.MaxAttempts)
            return false;
        try
        {
            return _options.ShouldRetry?.Invoke(errors[^1]) ?? true;
        }
        catch (Exception predicateError)
        {
            // A throwing predicate is a bug in the caller's code, but it must not kill the worker and lose the job:
            // dead-letter the job with both errors instead.
            errors[^1] = new AggregateException(
                $"ShouldRetry threw while judging the error of attempt {attempt}, so the job was not retried.", errors[^1], predicateError);
            return false;
        }
    }

    private void Park<T>(List<T> list, T item)
    {
        lock (_gate)
            ParkLocked(list, item);
    }

    // Called under _gate.
    private void ParkLocked<T>(List<T> list, T item)
    {
        Debug.Assert(_gate.IsHeldByCurrentThread, "called under _gate");
        list.Add(item);
    }

    private async Task ShutDownAfterAsync(Task[] workers)
    {
        Exception? failure = null;
        try
        {
            await Task.WhenAll(workers);
        }
        catch (Exception e)
        {
            // Only a bug in the pool itself gets here (job and ShouldRetry errors are caught); surface it rather than hang readers.
            failure = e;
        }

        // Close the job channel before draining it: a submission racing with shutdown either lands first (and is drained
        // here) or is refused. Without cancellation the queue is already empty: workers exit only once it is closed and drained.
        _jobs.Writer.TryComplete();
        lock (_gate)
        {
            while (_jobs.Reader.TryRead(out var job))
                ParkLocked(_notProcessed, job);
        }

        // Every worker has exited, so no result can be written after this.
        Debug.Assert(workers.All(w => w.IsCompleted), "Results is completed only after the last worker exits");
        _results.Writer.TryComplete(failure);
        if (failure is not null)
            throw failure;
    }
}
