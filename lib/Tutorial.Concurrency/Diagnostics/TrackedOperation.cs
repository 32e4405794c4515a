using System.Threading.Tasks.Sources;

namespace Tutorial.Concurrency;

/// <summary>
/// A pending operation on a watched channel: the caller awaits this instead of the real channel's operation.
/// </summary>
/// <remarks>
/// <para>The real channel is created with synchronous continuations, so for the operations it completes inline (reads,
/// waits to read, writes made while another write is pending) <see cref="OnInnerCompleted"/> runs on the very thread
/// that completes them: the goroutine is marked runnable at the hand-over, not when a thread-pool thread later resumes
/// it. The operations the channel always completes asynchronously (a blocked writer) are released by the side that
/// makes the hand-over instead (see <see cref="ChannelWatch"/>). Either way a send that wakes a receiver is never seen
/// as "both blocked", however starved the thread pool is.</para>
/// <para>The caller's own continuation runs asynchronously (<see cref="ManualResetValueTaskSourceCore{TResult}.RunContinuationsAsynchronously"/>),
/// as with a channel made with default options, so lesson code sees no difference.</para>
/// </remarks>
/// <typeparam name="TResult">The operation's result type (<see cref="bool"/> for <c>WriteAsync</c>, whose result is ignored).</typeparam>
internal sealed class TrackedOperation<TResult> : BlockingWait, IValueTaskSource<TResult>, IValueTaskSource
{
    private readonly ChannelWatch _channel;
    private readonly List<BlockingWait> _queue;
    private readonly bool _transfers;
    private readonly CancellationToken _cancellationToken;
    private readonly ValueTask<TResult> _inner;
    private readonly ValueTask _innerWithoutResult;
    private readonly bool _hasResult;
    private ManualResetValueTaskSourceCore<TResult> _core;

    private TrackedOperation(
        GoroutineWaitKind kind, ChannelWatch channel, List<BlockingWait> queue, bool transfers, CancellationToken cancellationToken,
        ValueTask<TResult> inner, ValueTask innerWithoutResult, bool hasResult)
        : base(kind)
    {
        _channel = channel;
        _queue = queue;
        _transfers = transfers;
        _cancellationToken = cancellationToken;
        _inner = inner;
        _innerWithoutResult = innerWithoutResult;
        _hasResult = hasResult;
        _core.RunContinuationsAsynchronously = true;
    }

    internal override string Target => _channel.Name;

    internal override string Detail => (Kind == GoroutineWaitKind.ChanSend ? "send to " : "receive from ") + _channel.Description;

    internal override ChannelWatch Channel => _channel;

    internal override bool Transfers => _transfers;

    internal override bool IsCancellationRequested => _cancellationToken.IsCancellationRequested;

    internal override bool HasCompleted => _hasResult ? _inner.IsCompleted : _innerWithoutResult.IsCompleted;

    /// <summary>Under the channel's gate: watches a pending operation that has a result (<c>ReadAsync</c>, <c>WaitToReadAsync</c>, <c>WaitToWriteAsync</c>).</summary>
    internal static ValueTask<TResult> Watch(
        ValueTask<TResult> pending, GoroutineWaitKind kind, ChannelWatch channel, List<BlockingWait> queue, bool transfers, CancellationToken cancellationToken)
    {
        var operation = new TrackedOperation<TResult>(kind, channel, queue, transfers, cancellationToken, pending, default, hasResult: true);
        operation.Enqueue();
        pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(operation.OnInnerCompleted);
        return new ValueTask<TResult>(operation, operation._core.Version);
    }

    /// <summary>Under the channel's gate: watches a pending <c>WriteAsync</c>.</summary>
    internal static ValueTask Watch(
        ValueTask pending, GoroutineWaitKind kind, ChannelWatch channel, List<BlockingWait> queue, bool transfers, CancellationToken cancellationToken)
    {
        var operation = new TrackedOperation<TResult>(kind, channel, queue, transfers, cancellationToken, default, pending, hasResult: false);
        operation.Enqueue();
        pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(operation.OnInnerCompleted);
        return new ValueTask(operation, operation._core.Version);
    }

    private void Enqueue()
    {
        // Counted first, queued second, callback registered last: the end of a wait can never be seen before its start.
        Begin(_cancellationToken);
        _queue.Add(this);
    }

    private void OnInnerCompleted()
    {
        lock (_channel.Gate)
            _queue.Remove(this);
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
