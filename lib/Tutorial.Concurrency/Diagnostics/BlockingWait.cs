using System.Diagnostics;

namespace Tutorial.Concurrency;

/// <summary>A watched operation a goroutine may be parked on: a channel receive or send, or a WaitGroup wait.</summary>
internal abstract class BlockingWait
{
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    protected BlockingWait(GoroutineWaitKind kind) => Kind = kind;

    internal GoroutineWaitKind Kind { get; }

    /// <summary>Set (under the program's lock) when the wait is counted against a goroutine; null when it is not watched.</summary>
    internal Goroutine? Owner { get; set; }

    /// <summary>True once the wait no longer counts (it ended, or its goroutine exited). Guarded by the program's lock.</summary>
    internal bool Released { get; set; }

    internal TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startedAt);

    /// <summary>The channel waited on, or null for a WaitGroup wait.</summary>
    internal virtual ChannelWatch? Channel => null;

    /// <summary>True for <c>ReadAsync</c>/<c>WriteAsync</c>, which take part in a hand-over; false for <c>WaitTo*Async</c> and WaitGroup waits.</summary>
    internal virtual bool Transfers => false;

    /// <summary>Whether the operation's token has been cancelled (the operation is then ending on its own).</summary>
    internal virtual bool IsCancellationRequested => false;

    /// <summary>The dump's header target: a channel name, or the WaitGroup and its counter.</summary>
    internal abstract string Target { get; }

    /// <summary>The dump's second line, after the goroutine's name.</summary>
    internal abstract string Detail { get; }

    /// <summary>
    /// True when the awaited operation has already completed although the bookkeeping has not caught up yet (its
    /// callback is still queued). Called only under the program's lock, and only while <see cref="Released"/> is false.
    /// </summary>
    internal abstract bool HasCompleted { get; }

    /// <summary>Counts this wait against the current goroutine, if the caller is a watched goroutine that can only be woken by the program itself.</summary>
    /// <param name="cancellationToken">The token the operation was given.</param>
    protected void Begin(CancellationToken cancellationToken)
    {
        var goroutine = Goroutine.Current;
        // A token that someone outside the program can cancel (a timeout, a button) is a way out the detector cannot
        // see, like a timer in Go: such a wait counts as running. Only the program's own token is a dead end.
        if (goroutine is not null && (!cancellationToken.CanBeCanceled || cancellationToken == goroutine.Program.CancellationToken))
            goroutine.Program.Block(goroutine, this);
    }

    /// <summary>Stops counting this wait: the goroutine is runnable again. Safe to call more than once.</summary>
    internal void End() => Owner?.Program.Unblock(this);
}
