using System.Threading.Channels;

namespace Tutorial.Concurrency;

// The seam between the concurrency types and a tool that watches them. The library itself knows nothing of the Go-style
// deadlock detector (Tutorial.Concurrency.Diagnostics): that tool installs a Watcher when it is first used, and from then
// on Chan.Make, WaitGroup and WorkerPool ask it, at the few points where it matters, whether the caller runs inside a
// watched program. Outside one, every hook is a static read and a null check (before any program ran) or the watcher's
// own cheap "not inside a program" answer.
internal abstract class Watcher
{
    private static Watcher? s_active;

    // Wake-ups the runtime cannot see (a custom timer thread, e.g. the lab's PreciseDelay) that will still run code and
    // so may complete a channel operation. While any is pending, a watcher must not call a program dead.
    private static int s_pendingWakeups;

    /// <summary>The installed watcher, or null while no tool has attached one.</summary>
    internal static Watcher? Active => Volatile.Read(ref s_active);

    /// <summary>How many announced wake-ups are pending right now.</summary>
    internal static int PendingWakeups => Volatile.Read(ref s_pendingWakeups);

    /// <summary>Installs <paramref name="watcher"/> unless one is installed already; returns the one in place.</summary>
    internal static Watcher Attach(Watcher watcher) => Interlocked.CompareExchange(ref s_active, watcher, null) ?? watcher;

    /// <summary>Announces a wake-up that will come from outside the thread pool and the timers (see <see cref="PendingWakeups"/>).</summary>
    internal static void WakeupScheduled() => Interlocked.Increment(ref s_pendingWakeups);

    /// <summary>The announced wake-up came, or was cancelled.</summary>
    internal static void WakeupDone() => Interlocked.Decrement(ref s_pendingWakeups);

    /// <summary>A watched channel when the caller runs inside a watched program, otherwise null.</summary>
    /// <param name="capacity">0 for unbuffered, n for buffered, null for unbounded.</param>
    /// <param name="name">The channel's name for reports, or null for a generated one.</param>
    internal abstract Channel<T>? TryMakeChannel<T>(int? capacity, string? name);

    /// <summary>Starts <paramref name="work"/> as a watched goroutine when the caller runs inside a program; otherwise null.</summary>
    /// <param name="name">The goroutine's name for reports.</param>
    /// <param name="work">The work; it must not throw (callers catch their own exceptions).</param>
    internal abstract Task? TryStartGoroutine(string name, Func<Task> work);

    /// <summary>Tells the watcher that the caller waits, in <paramref name="wait"/>, for <paramref name="group"/> to reach zero.</summary>
    /// <param name="group">The group waited on.</param>
    /// <param name="wait">The task the caller awaits; the wait ends when it completes.</param>
    internal abstract void WaitGroupWaiting(WaitGroup group, Task wait);

    /// <summary>The calling thread is about to block until a watched wait ends (the synchronous <see cref="WaitGroup.Wait"/>):
    /// a blocked thread runs nothing. Returns what to dispose when it wakes, or null outside a watched program.</summary>
    internal abstract IDisposable? BlockingThread();
}
