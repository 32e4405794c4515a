using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace Tutorial.Concurrency.Diagnostics;

/// <summary>Makes the channels <see cref="Chan"/> (and the patterns) hand out inside a <see cref="GoProgram"/>.</summary>
internal static class WatchedChannel
{
    /// <param name="program">The program the channel is made in (it names unnamed channels).</param>
    /// <param name="capacity">0 for unbuffered, n for buffered, null for unbounded.</param>
    /// <param name="name">The name for reports, or null for a numbered one.</param>
    internal static Channel<T> Create<T>(GoProgram program, int? capacity, string? name)
    {
        name ??= program.NextChannelName<T>();
        var shape = capacity switch { null => "unbounded", 0 => "unbuffered", var n => $"buffered {n}" };
        // Synchronous continuations on the real channel: TrackedOperation's callback then runs on the thread that
        // completes an operation, so the wait ends at the hand-over (the caller still resumes asynchronously).
        Channel<T> inner = capacity is { } bounded
            ? Channel.CreateBounded<T>(new BoundedChannelOptions(bounded) { FullMode = BoundedChannelFullMode.Wait, AllowSynchronousContinuations = true })
            : Channel.CreateUnbounded<T>(new UnboundedChannelOptions { AllowSynchronousContinuations = true });
        return new WatchedChannel<T>(inner, name, $"{name} (chan {typeof(T).Name}, {shape})");
    }
}

/// <summary>
/// A channel made inside a <see cref="GoProgram"/>: an ordinary <see cref="Channel{T}"/> to the code using it, which
/// tells the deadlock detector when a goroutine starts and stops waiting on it. Only an operation that has to wait, made
/// by a watched goroutine, costs anything extra (a <see cref="TrackedOperation{TResult}"/>).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class WatchedChannel<T> : Channel<T>
{
    internal WatchedChannel(Channel<T> inner, string name, string description)
    {
        Name = name;
        Description = description;
        Reader = new WatchedReader(inner.Reader, this);
        Writer = new WatchedWriter(inner.Writer, this);
    }

    internal string Name { get; }

    internal string Description { get; }

    /// <summary>The channel's name and shape, as in deadlock reports.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;

    private ValueTask<TResult> Watch<TResult>(ValueTask<TResult> pending, GoroutineWaitKind kind) =>
        pending.IsCompleted || Goroutine.Current is not { } goroutine
            ? pending
            : TrackedOperation<TResult>.Watch(pending, kind, goroutine, Name, Description);

    private ValueTask Watch(ValueTask pending) =>
        pending.IsCompleted || Goroutine.Current is not { } goroutine
            ? pending
            : TrackedOperation<bool>.Watch(pending, GoroutineWaitKind.ChanSend, goroutine, Name, Description);

    private sealed class WatchedReader(ChannelReader<T> inner, WatchedChannel<T> channel) : ChannelReader<T>
    {
        private Task? _completion;

        // The real channel runs continuations inline; hand users a Completion that resumes them on the thread pool, as a default channel would.
        public override Task Completion
            => _completion ?? Interlocked.CompareExchange(ref _completion, ResumeAsynchronouslyAsync(inner.Completion), null) ?? _completion;

        public override bool CanCount => inner.CanCount;

        public override int Count => inner.Count;

        public override bool CanPeek => inner.CanPeek;

        public override bool TryPeek([MaybeNullWhen(false)] out T item) => inner.TryPeek(out item);

        public override bool TryRead([MaybeNullWhen(false)] out T item) => inner.TryRead(out item);

        public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) =>
            channel.Watch(inner.WaitToReadAsync(cancellationToken), GoroutineWaitKind.ChanReceive);

        public override ValueTask<T> ReadAsync(CancellationToken cancellationToken = default) =>
            channel.Watch(inner.ReadAsync(cancellationToken), GoroutineWaitKind.ChanReceive);

        private static async Task ResumeAsynchronouslyAsync(Task completion)
            => await completion.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
    }

    private sealed class WatchedWriter(ChannelWriter<T> inner, WatchedChannel<T> channel) : ChannelWriter<T>
    {
        public override bool TryWrite(T item) => inner.TryWrite(item);

        public override bool TryComplete(Exception? error = null) => inner.TryComplete(error);

        public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) =>
            channel.Watch(inner.WaitToWriteAsync(cancellationToken), GoroutineWaitKind.ChanSend);

        public override ValueTask WriteAsync(T item, CancellationToken cancellationToken = default) =>
            channel.Watch(inner.WriteAsync(item, cancellationToken));
    }
}
