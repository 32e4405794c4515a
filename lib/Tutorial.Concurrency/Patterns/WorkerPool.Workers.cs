using System.Runtime.ExceptionServices;

namespace Tutorial.Concurrency;

// The workers' side of the pool: taking jobs (from the job channel, or in pull mode from the inputs), running each job to
// exactly one outcome (result, dead letter or not processed), and shutting down once every worker has exited.
public sealed partial class WorkerPool<TIn, TOut>
{
    private async Task WorkAsync(int worker)
    {
        var jobs = _jobs.Reader;
        var token = _token;
        while (await jobs.WaitToReadAsync())
        {
            while (!token.IsCancellationRequested && jobs.TryRead(out var job))
                await ProcessAsync(job, worker, token);
            if (token.IsCancellationRequested)
                return;
        }
    }

    // Pull mode: like WorkAsync, but the next job is the next input, numbered in input order.
    private async Task PullWorkAsync(int worker)
    {
        var token = _token;
        while (!token.IsCancellationRequested && TryTakeInput(out var job))
            await ProcessAsync(job, worker, token);
    }

    private bool TryTakeInput(out Job<TIn> job)
    {
        lock (_sourceGate)
        {
            if (!_sourceExhausted)
            {
                try
                {
                    if (_source!.MoveNext())
                    {
                        // The lock already orders these; no submitter exists in pull mode to race with.
                        job = new Job<TIn>(++_nextId, _source.Current);
                        Volatile.Write(ref _submitted, _submitted + 1);
                        return true;
                    }
                }
                catch (Exception e)
                {
                    // The caller's sequence failed: stop taking jobs, let running ones finish, and rethrow it from RunAsync.
                    _sourceFailure = ExceptionDispatchInfo.Capture(e);
                }
                _sourceExhausted = true;
            }
            job = default;
            return false;
        }
    }

    /// <summary>Rethrows the exception the input sequence threw in pull mode, if it threw.</summary>
    internal void ThrowIfSourceFailed() => _sourceFailure?.Throw();

    // Runs one job to its one outcome. The fast path (no timeline, the work completed synchronously and succeeded on its
    // first attempt) needs no async state machine; anything else continues in ProcessSlowAsync with the attempt in flight.
    private ValueTask ProcessAsync(Job<TIn> job, int worker, CancellationToken token)
    {
        var timeline = _options.Timeline;
        var started = timeline?.Now ?? default;
        var attempt = StartAttempt(job.Input, token);
        if (timeline is null && attempt.IsCompletedSuccessfully)
        {
            Succeed(job.Id, attempt.Result, attempts: 1);
            return default;
        }
        return ProcessSlowAsync(job, worker, token, attempt, started);
    }

    private async ValueTask ProcessSlowAsync(Job<TIn> job, int worker, CancellationToken token, ValueTask<TOut> firstAttempt, TimeSpan firstStarted)
    {
        List<Exception>? errors = null;
        var pending = firstAttempt;
        var started = firstStarted;
        for (var attempt = 1; ; attempt++)
        {
            var timeline = _options.Timeline;
            if (attempt > 1)
            {
                started = timeline?.Now ?? default;
                pending = StartAttempt(job.Input, token);
            }
            try
            {
                var value = await pending;
                timeline?.Record($"worker {worker}", job.Id, started, timeline.Now, succeeded: true);
                Succeed(job.Id, value, attempt);
                return;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                timeline?.Record($"worker {worker}", job.Id, started, timeline.Now, succeeded: false);
                _notProcessed.Enqueue(job);
                return;
            }
            catch (Exception e)
            {
                timeline?.Record($"worker {worker}", job.Id, started, timeline.Now, succeeded: false);
                (errors ??= []).Add(e);
                bool retry;
                try
                {
                    retry = attempt < _options.MaxAttempts && (_options.ShouldRetry?.Invoke(e) ?? true);
                }
                catch (Exception predicateError)
                {
                    // A throwing predicate is a bug in the caller's code, but it must not kill the worker and lose the job:
                    // dead-letter the job with both errors instead.
                    errors[^1] = new AggregateException(
                        $"ShouldRetry threw while judging the error of attempt {attempt}, so the job was not retried.", e, predicateError);
                    retry = false;
                }
                if (retry && token.IsCancellationRequested)
                {
                    _notProcessed.Enqueue(job);
                    return;
                }
                if (!retry)
                {
                    _deadLetters.Writer.TryWrite(new DeadLetter<TIn>(job, errors));
                    Interlocked.Increment(ref _deadLettered);
                    return;
                }
            }
        }
    }

    // A work delegate that throws instead of returning a faulted task is treated exactly like one that returns it.
    private ValueTask<TOut> StartAttempt(TIn input, CancellationToken token)
    {
        try
        {
            return _work(input, token);
        }
        catch (Exception e)
        {
            return ValueTask.FromException<TOut>(e);
        }
    }

    private void Succeed(int jobId, TOut value, int attempts)
    {
        _results.Write(Result<TOut>.Success(jobId, value, attempts));
        Interlocked.Increment(ref _succeeded);
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

        if (_source is not null)
        {
            try
            {
                _source.Dispose();
            }
            catch (Exception e)
            {
                _sourceFailure ??= ExceptionDispatchInfo.Capture(e);
            }
        }

        // After cancellation, whatever is still queued was accepted but never started.
        _jobs.Writer.TryComplete();
        while (_jobs.Reader.TryRead(out var job))
            _notProcessed.Enqueue(job);

        _results.TryComplete(failure);
        _deadLetters.Writer.TryComplete(failure);
        if (failure is not null)
            throw failure;
    }
}
