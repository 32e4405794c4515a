namespace Tutorial.Concurrency;

/// <summary>
/// The detector's view of one watched channel: its name, and the operations waiting on it in the order the real
/// channel queued them.
/// </summary>
/// <remarks>
/// <para>Why the queues: System.Threading.Channels completes a waiting <em>writer</em> asynchronously (its pooled write
/// operations always queue their continuation to the thread pool), so neither a callback nor <c>IsCompleted</c> tells
/// at once that a reader has just taken a blocked writer's value. On a starved thread pool that "still parked" writer
/// could be reported together with a reader that has since parked again. So the hand-over is recorded on the side that
/// makes it: a successful read releases the first queued writer, a successful write the first queued reader, the way
/// the channel itself picks them.</para>
/// <para>Every operation on the real channel is made under <see cref="Gate"/>, so the queues here are in the channel's
/// own order. Lock order: <see cref="Gate"/>, then the program's lock; nothing takes them the other way round.</para>
/// </remarks>
internal sealed class ChannelWatch(string name, string description, bool isRendezvous)
{
    internal string Name { get; } = name;

    internal string Description { get; } = description;

    internal Lock Gate { get; } = new();

    /// <summary>Pending <c>ReadAsync</c> calls, oldest first (the channel's blocked readers).</summary>
    internal List<BlockingWait> Reads { get; } = [];

    /// <summary>Pending <c>WaitToReadAsync</c> calls (the channel wakes all of them together).</summary>
    internal List<BlockingWait> ReadWaiters { get; } = [];

    /// <summary>Pending <c>WriteAsync</c> calls, oldest first (the channel's blocked writers).</summary>
    internal List<BlockingWait> Writes { get; } = [];

    /// <summary>Pending <c>WaitToWriteAsync</c> calls.</summary>
    internal List<BlockingWait> WriteWaiters { get; } = [];

    /// <summary>Under <see cref="Gate"/>: a reader took a value. The channel hands a blocked writer's value over (or moves it into the buffer) or, with none, wakes writers waiting for room.</summary>
    internal void ItemTaken()
    {
        if (!ReleaseFirst(Writes) && !isRendezvous)
            ReleaseAll(WriteWaiters);
    }

    /// <summary>Under <see cref="Gate"/>: a writer delivered a value. It went to the first blocked reader or, with none, into the buffer, which wakes every reader waiting.</summary>
    internal void ItemGiven()
    {
        if (!ReleaseFirst(Reads))
            ReleaseAll(ReadWaiters);
    }

    /// <summary>Under <see cref="Gate"/>: a <c>ReadAsync</c> is now blocked; on a rendezvous channel that wakes writers waiting for a reader.</summary>
    internal void ReaderBlocked()
    {
        if (isRendezvous)
            ReleaseAll(WriteWaiters);
    }

    /// <summary>Under <see cref="Gate"/>: a <c>WriteAsync</c> is now blocked; on a rendezvous channel that wakes readers waiting for a value.</summary>
    internal void WriterBlocked()
    {
        if (isRendezvous)
            ReleaseAll(ReadWaiters);
    }

    /// <summary>Under <see cref="Gate"/>: the channel was closed; every pending operation is completed.</summary>
    internal void Closed()
    {
        ReleaseAll(Reads);
        ReleaseAll(ReadWaiters);
        ReleaseAll(Writes);
        ReleaseAll(WriteWaiters);
    }

    private static bool ReleaseFirst(List<BlockingWait> queue)
    {
        while (queue.Count > 0)
        {
            var first = queue[0];
            queue.RemoveAt(0);
            first.End();
            // A cancelled operation may still sit in the channel's queue; the channel skips it, and so do we.
            if (!first.IsCancellationRequested)
                return true;
        }
        return false;
    }

    private static void ReleaseAll(List<BlockingWait> waiters)
    {
        foreach (var waiter in waiters)
            waiter.End();
        waiters.Clear();
    }
}
