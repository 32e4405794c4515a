using System.Diagnostics;

namespace Tutorial.Concurrency.Diagnostics;

/// <summary>A watched operation a goroutine may be parked on: a channel receive or send, or a WaitGroup wait.</summary>
internal abstract class BlockingWait
{
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    protected BlockingWait(GoroutineWaitKind kind) => Kind = kind;

    internal GoroutineWaitKind Kind { get; }

    /// <summary>Set (under the program's lock) when the wait is counted against a goroutine; null when it is not.</summary>
    internal Goroutine? Owner { get; set; }

    /// <summary>True once the wait no longer counts (it ended, or its goroutine exited). Guarded by the program's lock.</summary>
    internal bool Released { get; set; }

    internal TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startedAt);

    /// <summary>The dump's header target: a channel name, or the WaitGroup and its counter.</summary>
    internal abstract string Target { get; }

    /// <summary>The dump's second line, after the goroutine's name.</summary>
    internal abstract string Detail { get; }

    /// <summary>
    /// True when the awaited operation has completed but this wait has not ended yet: a hand-over is on its way (its
    /// callback is queued or about to run). Asked only under the program's lock, while <see cref="Released"/> is false.
    /// </summary>
    internal abstract bool HasCompleted { get; }

    /// <summary>Counts this wait against <paramref name="goroutine"/>: call it before anything can end the wait.</summary>
    protected void Begin(Goroutine goroutine) => goroutine.Program.Block(goroutine, this);

    /// <summary>Stops counting this wait: the goroutine may run again. Safe to call more than once.</summary>
    internal void End() => Owner?.Program.Unblock(this);
}
