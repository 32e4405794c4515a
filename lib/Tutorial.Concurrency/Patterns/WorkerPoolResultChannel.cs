using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Tutorial.Concurrency;

/// <summary>
/// The channel behind <see cref="WorkerPool{TIn, TOut}.Results"/>: unbounded, any number of writers (the workers) and
/// readers, read through the ordinary <see cref="ChannelReader{T}"/> API.
/// </summary>
/// <remarks>
/// <para>Why not <c>Channel.CreateUnbounded</c>: its <c>TryWrite</c> takes a lock for every item, and measured on 2 cores the
/// result channel was about two thirds of a trivial job's cost in the pool. Here a write is one lock-free
/// <see cref="ConcurrentQueue{T}"/> enqueue plus one read of the waiter field; locks and allocations happen only when a reader
/// has to wait.</para>
/// <para>The invariant that makes it safe: a writer enqueues, then looks for a waiting reader; a reader publishes its
/// waiter, then looks for items. Both steps are full fences (the queue's enqueue and <see cref="Interlocked"/>), so at least
/// one side always sees the other and no item is left behind a sleeping reader. Completion works the same way against
/// the last read. The pool completes the channel only after every worker has exited, so no write races completion.</para>
/// <para>Behaves like an unbounded BCL channel for readers: items in write order, <see cref="WaitToReadAsync"/> returns
/// false once completed and drained (or throws a <see cref="ChannelClosedException"/> wrapping the completion error),
/// <see cref="Completion"/> finishes once completed and drained.</para>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class WorkerPoolResultChannel<T> : ChannelReader<T>
{
    private readonly ConcurrentQueue<T> _items = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Shared by every reader waiting right now; taken (set to null) and completed by whoever wakes them.
    private TaskCompletionSource? _waiter;
    private volatile bool _writingDone;
    private int _completeCalled;
    private Exception? _error;

    /// <inheritdoc />
    public override Task Completion => _completion.Task;

    /// <inheritdoc />
    public override bool CanCount => true;

    /// <inheritdoc />
    public override int Count => _items.Count;

    /// <inheritdoc />
    public override bool CanPeek => true;

    /// <summary>Adds an item and wakes waiting readers. Only the pool writes, and never after <see cref="TryComplete"/>.</summary>
    /// <param name="item">The item.</param>
    public void Write(T item)
    {
        _items.Enqueue(item);
        if (Volatile.Read(ref _waiter) is not null)
            WakeReaders();
    }

    /// <summary>No more items will be written: readers drain what is queued and then see the end (or <paramref name="error"/>).</summary>
    /// <param name="error">The error readers will see, or null for a normal end.</param>
    /// <returns>False when already completed.</returns>
    public bool TryComplete(Exception? error = null)
    {
        if (Interlocked.Exchange(ref _completeCalled, 1) != 0)
            return false;
        _error = error;
        _writingDone = true;
        Interlocked.MemoryBarrier(); // Against TryRead: it dequeues, then looks at _writingDone.
        if (_items.IsEmpty)
            FinishCompletion();
        WakeReaders();
        return true;
    }

    /// <inheritdoc />
    public override bool TryRead(out T item)
    {
        if (!_items.TryDequeue(out item!))
            return false;
        if (_writingDone && _items.IsEmpty)
            FinishCompletion();
        return true;
    }

    /// <inheritdoc />
    public override bool TryPeek(out T item) => _items.TryPeek(out item!);

    /// <inheritdoc />
    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        if (!_items.IsEmpty)
            return new ValueTask<bool>(true);
        if (cancellationToken.IsCancellationRequested)
            return ValueTask.FromCanceled<bool>(cancellationToken);
        return WaitSlowAsync(cancellationToken);
    }

    private async ValueTask<bool> WaitSlowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // Read "done" before "empty": every write happens before completion, so done-then-empty means the end.
            if (_writingDone)
                return _items.IsEmpty ? Ended() : true;

            var waiter = Volatile.Read(ref _waiter);
            if (waiter is null)
            {
                var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waiter = Interlocked.CompareExchange(ref _waiter, created, null) ?? created;
            }
            // Published (a full fence) before this look: a write we miss here will see the waiter and wake us.
            if (!_items.IsEmpty || _writingDone)
                WakeReaders();
            await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!_items.IsEmpty)
                return true;
        }
    }

    private bool Ended() => _error switch
    {
        null => false,
        OperationCanceledException canceled => throw canceled,
        ChannelClosedException closed => throw closed,
        var error => throw new ChannelClosedException(error),
    };

    private void WakeReaders() => Interlocked.Exchange(ref _waiter, null)?.TrySetResult();

    private void FinishCompletion()
    {
        switch (_error)
        {
            case null:
                _completion.TrySetResult();
                break;
            case OperationCanceledException canceled:
                _completion.TrySetCanceled(canceled.CancellationToken);
                break;
            default:
                _completion.TrySetException(_error);
                break;
        }
    }
}
