using System.Threading.Tasks.Sources;

namespace Tutorial.Concurrency;

/// <summary>
/// A pending channel operation of a watched channel: the caller awaits this instead of the real channel's operation.
/// </summary>
/// <remarks>
/// <para>The real channel is created with synchronous continuations, so <see cref="OnInnerCompleted"/> runs on the very
/// thread that completes the operation (the sender that hands a value over, the closer). The goroutine is therefore marked
/// runnable at the instant of the hand-over, not when a thread-pool thread later resumes it: a send that wakes a receiver
/// can never be seen as "both blocked", however starved the thread pool is.</para>
/// <para>The caller's own continuation still runs asynchronously (<see cref="ManualResetValueTaskSourceCore{TResult}.RunContinuationsAsynchronously"/>),
/// exactly like a channel made with default options, so lesson code sees no difference.</para>
/// </remarks>
/// <typeparam name="TResult">The operation's result type (<see cref="bool"/> for <c>WriteAsync</c>, whose result is ignored).</typeparam>
internal sealed class TrackedOperation<TResult> : BlockingWait, IValueTaskSource<TResult>, IValueTaskSource
{
    private readonly ChannelTag _channel;
    private readonly ValueTask<TResult> _inner;
    private readonly ValueTask _innerWithoutResult;
    private readonly bool _hasResult;
    private ManualResetValueTaskSourceCore<TResult> _core;

    private TrackedOperation(GoroutineWaitKind kind, ChannelTag channel, ValueTask<TResult> inner, ValueTask innerWithoutResult, bool hasResult)
        : base(kind)
    {
        _channel = channel;
        _inner = inner;
        _innerWithoutResult = innerWithoutResult;
        _hasResult = hasResult;
        _core.RunContinuationsAsynchronously = true;
    }

    internal override string Target => _channel.Name;

    internal override string Detail => (Kind == GoroutineWaitKind.ChanSend ? "send to " : "receive from ") + _channel.Description;

    internal override bool HasCompleted => _hasResult ? _inner.IsCompleted : _innerWithoutResult.IsCompleted;

    /// <summary>Watches a pending operation that has a result (<c>ReadAsync</c>, <c>WaitToReadAsync</c>, <c>WaitToWriteAsync</c>).</summary>
    internal static ValueTask<TResult> Watch(ValueTask<TResult> pending, GoroutineWaitKind kind, ChannelTag channel, CancellationToken cancellationToken)
    {
        var operation = new TrackedOperation<TResult>(kind, channel, pending, default, hasResult: true);
        operation.Begin(cancellationToken);
        // Registered after Begin, so the end of the wait can never be counted before its start.
        pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(operation.OnInnerCompleted);
        return new ValueTask<TResult>(operation, operation._core.Version);
    }

    /// <summary>Watches a pending operation without a result (<c>WriteAsync</c>).</summary>
    internal static ValueTask Watch(ValueTask pending, GoroutineWaitKind kind, ChannelTag channel, CancellationToken cancellationToken)
    {
        var operation = new TrackedOperation<TResult>(kind, channel, default, pending, hasResult: false);
        operation.Begin(cancellationToken);
        pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(operation.OnInnerCompleted);
        return new ValueTask(operation, operation._core.Version);
    }

    private void OnInnerCompleted()
    {
        // Mark the goroutine runnable before consuming the result: until then the detector may still ask the real
        // operation whether it has completed, which is only allowed before GetResult.
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
