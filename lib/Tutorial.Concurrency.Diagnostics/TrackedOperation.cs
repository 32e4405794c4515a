using System.Threading.Tasks.Sources;

namespace Tutorial.Concurrency.Diagnostics;

/// <summary>
/// A pending operation on a watched channel: the caller awaits this instead of the real channel's operation, and the
/// goroutine counts as parked on it until the real operation completes.
/// </summary>
/// <remarks>
/// The wait ends when the real operation completes, in a callback that the real channel (made with synchronous
/// continuations) runs at once on the completing thread, or queues to the thread pool for the operations it always
/// completes asynchronously (a blocked writer). Until that callback has run, the goroutine still counts as parked; the
/// detector sees such a hand-over in flight (<see cref="HasCompleted"/>) and does not report.
/// The caller's own continuation then runs asynchronously, as with a channel made with default options.
/// </remarks>
/// <typeparam name="TResult">The operation's result type (<see cref="bool"/> for <c>WriteAsync</c>, whose result is ignored).</typeparam>
internal sealed class TrackedOperation<TResult> : BlockingWait, IValueTaskSource<TResult>, IValueTaskSource
{
    private readonly string _target;
    private readonly string _detail;
    private readonly ValueTask<TResult> _inner;
    private readonly ValueTask _innerWithoutResult;
    private readonly bool _hasResult;
    private ManualResetValueTaskSourceCore<TResult> _core;

    private TrackedOperation(GoroutineWaitKind kind, string target, string description, ValueTask<TResult> inner, ValueTask innerWithoutResult, bool hasResult)
        : base(kind)
    {
        _target = target;
        _detail = (kind == GoroutineWaitKind.ChanSend ? "send to " : "receive from ") + description;
        _inner = inner;
        _innerWithoutResult = innerWithoutResult;
        _hasResult = hasResult;
        _core.RunContinuationsAsynchronously = true;
    }

    internal override string Target => _target;

    internal override string Detail => _detail;

    // Safe to ask: OnInnerCompleted ends the wait (under the program's lock) before it consumes the inner result.
    internal override bool HasCompleted => _hasResult ? _inner.IsCompleted : _innerWithoutResult.IsCompleted;

    /// <summary>Watches a pending operation that has a result (<c>ReadAsync</c>, <c>WaitToReadAsync</c>, <c>WaitToWriteAsync</c>).</summary>
    internal static ValueTask<TResult> Watch(ValueTask<TResult> pending, GoroutineWaitKind kind, Goroutine goroutine, string target, string description)
    {
        var operation = new TrackedOperation<TResult>(kind, target, description, pending, default, hasResult: true);
        // Counted first, callback second: the end of a wait can never be seen before its start.
        operation.Begin(goroutine);
        pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(operation.OnInnerCompleted);
        return new ValueTask<TResult>(operation, operation._core.Version);
    }

    /// <summary>Watches a pending <c>WriteAsync</c>.</summary>
    internal static ValueTask Watch(ValueTask pending, GoroutineWaitKind kind, Goroutine goroutine, string target, string description)
    {
        var operation = new TrackedOperation<TResult>(kind, target, description, default, pending, hasResult: false);
        operation.Begin(goroutine);
        pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(operation.OnInnerCompleted);
        return new ValueTask(operation, operation._core.Version);
    }

    private void OnInnerCompleted()
    {
        End();
        try
        {
            if (_hasResult)
            {
                _core.SetResult(_inner.ConfigureAwait(false).GetAwaiter().GetResult());
            }
            else
            {
                _innerWithoutResult.ConfigureAwait(false).GetAwaiter().GetResult();
                _core.SetResult(default!);
            }
        }
        catch (Exception e)
        {
            _core.SetException(e);
        }
    }

    /// <inheritdoc/>
    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    /// <inheritdoc/>
    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);

    TResult IValueTaskSource<TResult>.GetResult(short token) => _core.GetResult(token);

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);
}
