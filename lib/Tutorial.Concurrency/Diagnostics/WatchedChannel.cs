using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace Tutorial.Concurrency;

/// <summary>The name and shape of a watched channel, as shown in a deadlock report.</summary>
internal sealed class ChannelTag(string name, string description)
{
    internal string Name { get; } = name;

    internal string Description { get; } = description;
}

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
        return new WatchedChannel<T>(inner, new ChannelTag(name, $"{name} (chan {typeof(T).Name}, {shape})"));
    }

    internal static Channel<T> CreateUnbounded<T>(Goroutine creator, string? name)
    {
        name ??= creator.Program.NextChannelName<T>();
        var inner = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { AllowSynchronousContinuations = true });
        return new WatchedChannel<T>(inner, new ChannelTag(name, $"{name} (chan {typeof(T).Name}, unbounded)"));
    }
}

/// <summary>
/// A channel made inside a <see cref="GoProgram"/>: an ordinary <see cref="Channel{T}"/> to the code using it, which
/// tells the deadlock detector when a goroutine starts and stops waiting on it.
/// </summary>
/// <remarks>
/// Operations that complete at once (the common case in a healthy program) go straight to the real channel, with no
/// bookkeeping; only an operation that has to wait allocates a <see cref="TrackedOperation{TResult}"/>.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class WatchedChannel<T> : Channel<T>
{
    internal WatchedChannel(Channel<T> inner, ChannelTag tag)
    {
        Tag = tag;
        Reader = new WatchedReader(inner.Reader, tag);
        Writer = new WatchedWriter(inner.Writer, tag);
    }

    internal ChannelTag Tag { get; }

    /// <summary>The channel's name, as in deadlock reports.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Tag.Description;

    private sealed class WatchedReader(ChannelReader<T> inner, ChannelTag tag) : ChannelReader<T>
    {
        private Task? _completion;

        // The real channel runs continuations inline; hand users a Completion that resumes them on the thread pool, as a default channel would.
        public override Task Completion
            => _completion ?? Interlocked.CompareExchange(ref _completion, ResumeAsynchronouslyAsync(inner.Completion), null) ?? _completion;

        public override bool CanCount => inner.CanCount;

        public override int Count => inner.Count;

        public override bool CanPeek => inner.CanPeek;

        public override bool TryRead([MaybeNullWhen(false)] out T item) => inner.TryRead(out item);

        public override bool TryPeek([MaybeNullWhen(false)] out T item) => inner.TryPeek(out item);

        public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
        {
            var pending = inner.WaitToReadAsync(cancellationToken);
            return pending.IsCompleted ? pending : TrackedOperation<bool>.Watch(pending, GoroutineWaitKind.ChanReceive, tag, cancellationToken);
        }

        public override ValueTask<T> ReadAsync(CancellationToken cancellationToken = default)
        {
            var pending = inner.ReadAsync(cancellationToken);
            return pending.IsCompleted ? pending : TrackedOperation<T>.Watch(pending, GoroutineWaitKind.ChanReceive, tag, cancellationToken);
        }

        private static async Task ResumeAsynchronouslyAsync(Task completion)
            => await completion.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
    }

    private sealed class WatchedWriter(ChannelWriter<T> inner, ChannelTag tag) : ChannelWriter<T>
    {
        public override bool TryWrite(T item) => inner.TryWrite(item);

        public override bool TryComplete(Exception? error = null) => inner.TryComplete(error);

        public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default)
        {
            var pending = inner.WaitToWriteAsync(cancellationToken);
            return pending.IsCompleted ? pending : TrackedOperation<bool>.Watch(pending, GoroutineWaitKind.ChanSend, tag, cancellationToken);
        }

        public override ValueTask WriteAsync(T item, CancellationToken cancellationToken = default)
        {
            var pending = inner.WriteAsync(item, cancellationToken);
            return pending.IsCompleted ? pending : TrackedOperation<bool>.Watch(pending, GoroutineWaitKind.ChanSend, tag, cancellationToken);
        }
    }
}
