using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace Tutorial.Concurrency;

/// <summary>Makes the channels <see cref="Chan"/> hands out inside a <see cref="GoProgram"/>.</summary>
internal static class WatchedChannel
{
    internal static Channel<T> CreateBounded<T>(Goroutine creator, int capacity, string? name)
    {
        name ??= creator.Program.NextChannelName<T>();
        var shape = capacity == 0 ? "unbuffered" : $"buffered {capacity}";
        var inner = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            // Only TrackedOperation and the Completion forwarder continue on the real channel's operations; see TrackedOperation for why inline.
            AllowSynchronousContinuations = true,
        });
        return new WatchedChannel<T>(inner, new ChannelWatch(name, $"{name} (chan {typeof(T).Name}, {shape})", isRendezvous: capacity == 0));
    }

    internal static Channel<T> CreateUnbounded<T>(Goroutine creator, string? name)
    {
        name ??= creator.Program.NextChannelName<T>();
        var inner = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { AllowSynchronousContinuations = true });
        return new WatchedChannel<T>(inner, new ChannelWatch(name, $"{name} (chan {typeof(T).Name}, unbounded)", isRendezvous: false));
    }
}

/// <summary>
/// A channel made inside a <see cref="GoProgram"/>: an ordinary <see cref="Channel{T}"/> to the code using it, which
/// tells the deadlock detector when a goroutine starts and stops waiting on it.
/// </summary>
/// <remarks>
/// Every call goes to the real channel under the channel's own (uncontended in the common case) lock, see
/// <see cref="ChannelWatch"/>; only an operation that has to wait allocates a <see cref="TrackedOperation{TResult}"/>.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class WatchedChannel<T> : Channel<T>
{
    internal WatchedChannel(Channel<T> inner, ChannelWatch watch)
    {
        Watch = watch;
        Reader = new WatchedReader(inner.Reader, watch);
        Writer = new WatchedWriter(inner.Writer, watch);
    }

    internal ChannelWatch Watch { get; }

    /// <summary>The channel's name and shape, as in deadlock reports.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Watch.Description;

    private sealed class WatchedReader(ChannelReader<T> inner, ChannelWatch watch) : ChannelReader<T>
    {
        private Task? _completion;

        // The real channel runs continuations inline; hand users a Completion that resumes them on the thread pool, as a default channel would.
        public override Task Completion
            => _completion ?? Interlocked.CompareExchange(ref _completion, ResumeAsynchronouslyAsync(inner.Completion), null) ?? _completion;

        public override bool CanCount => inner.CanCount;

        public override int Count => inner.Count;

        public override bool CanPeek => inner.CanPeek;

        public override bool TryPeek([MaybeNullWhen(false)] out T item) => inner.TryPeek(out item);

        public override bool TryRead([MaybeNullWhen(false)] out T item)
        {
            lock (watch.Gate)
            {
                if (!inner.TryRead(out item))
                    return false;
                watch.ItemTaken();
                return true;
            }
        }

        public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
        {
            lock (watch.Gate)
            {
                var pending = inner.WaitToReadAsync(cancellationToken);
                return pending.IsCompleted
                    ? pending
                    : TrackedOperation<bool>.Watch(pending, GoroutineWaitKind.ChanReceive, watch, watch.ReadWaiters, transfers: false, cancellationToken);
            }
        }

        public override ValueTask<T> ReadAsync(CancellationToken cancellationToken = default)
        {
            lock (watch.Gate)
            {
                var pending = inner.ReadAsync(cancellationToken);
                if (pending.IsCompleted)
                {
                    if (pending.IsCompletedSuccessfully)
                        watch.ItemTaken();
                    return pending;
                }
                watch.ReaderBlocked();
                return TrackedOperation<T>.Watch(pending, GoroutineWaitKind.ChanReceive, watch, watch.Reads, transfers: true, cancellationToken);
            }
        }

        private static async Task ResumeAsynchronouslyAsync(Task completion)
            => await completion.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
    }

    private sealed class WatchedWriter(ChannelWriter<T> inner, ChannelWatch watch) : ChannelWriter<T>
    {
        public override bool TryWrite(T item)
        {
            lock (watch.Gate)
            {
                if (!inner.TryWrite(item))
                    return false;
                watch.ItemGiven();
                return true;
            }
        }

        public override bool TryComplete(Exception? error = null)
        {
            lock (watch.Gate)
            {
                if (!inner.TryComplete(error))
                    return false;
                watch.Closed();
                return true;
            }
        }

        public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default)
        {
            lock (watch.Gate)
            {
                var pending = inner.WaitToWriteAsync(cancellationToken);
                return pending.IsCompleted
                    ? pending
                    : TrackedOperation<bool>.Watch(pending, GoroutineWaitKind.ChanSend, watch, watch.WriteWaiters, transfers: false, cancellationToken);
            }
        }

        public override ValueTask WriteAsync(T item, CancellationToken cancellationToken = default)
        {
            lock (watch.Gate)
            {
                var pending = inner.WriteAsync(item, cancellationToken);
                if (pending.IsCompleted)
                {
                    if (pending.IsCompletedSuccessfully)
                        watch.ItemGiven();
                    return pending;
                }
                watch.WriterBlocked();
                return TrackedOperation<bool>.Watch(pending, GoroutineWaitKind.ChanSend, watch, watch.Writes, transfers: true, cancellationToken);
            }
        }
    }
}
