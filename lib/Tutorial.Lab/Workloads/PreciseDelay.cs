using System.Diagnostics;
using Tutorial.Concurrency;

namespace Tutorial.Lab;

/// <summary>
/// An asynchronous wait that ends within a fraction of a millisecond of its deadline, where <see cref="Task.Delay(TimeSpan)"/>
/// overshoots by about 2.5 ms on Linux (timer ticks are coarse and its callbacks queue behind the thread pool).
/// </summary>
/// <remarks>
/// <para>Why it exists: the course compares measured makespans with a model (<c>ceil(jobs / workers) × 50 ms</c>). With
/// <see cref="Task.Delay(TimeSpan)"/> every 50 ms job can cost ~52.5 ms, so 20 jobs on 5 workers drift ~10 ms from the model
/// for reasons that have nothing to do with the pattern being taught.</para>
/// <para>How: one shared background thread owns every pending deadline. It sleeps on a monitor until about a millisecond
/// before the earliest deadline, then spins until the deadline passes, and completes the waiting task. So a waiting job
/// holds no thread and burns no core; at most the one timer thread spins, and only for the last millisecond or two
/// before a deadline. Awaiting code then resumes on the thread pool, which adds its own wake-up latency (tens of
/// microseconds on an idle machine, milliseconds on a busy one).</para>
/// </remarks>
public static class PreciseDelay
{
    private static readonly DeadlineThread Deadlines = new();

    /// <summary>Completes after <paramref name="duration"/>, measured on <see cref="Stopwatch"/>'s high-resolution clock.</summary>
    /// <param name="duration">How long to wait (zero or more).</param>
    /// <param name="cancellationToken">Ends the wait early with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>A task that completes at the deadline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public static Task WaitAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled(cancellationToken);
        if (duration == TimeSpan.Zero)
            return Task.CompletedTask;
        // Saturate rather than overflow: a wait of TimeSpan.MaxValue must mean "never", not a deadline in the past.
        var now = Stopwatch.GetTimestamp();
        var ticks = duration.TotalSeconds * Stopwatch.Frequency;
        var deadline = ticks >= long.MaxValue - now ? long.MaxValue : now + (long)ticks;
        return Deadlines.Add(deadline, cancellationToken);
    }

    /// <summary>Completes after <paramref name="milliseconds"/> milliseconds (see <see cref="WaitAsync(TimeSpan, CancellationToken)"/>).</summary>
    /// <param name="milliseconds">How long to wait (zero or more).</param>
    /// <param name="cancellationToken">Ends the wait early.</param>
    /// <returns>A task that completes at the deadline.</returns>
    public static Task WaitAsync(double milliseconds, CancellationToken cancellationToken = default) =>
        WaitAsync(TimeSpan.FromMilliseconds(milliseconds), cancellationToken);

    private sealed class Waiter : TaskCompletionSource
    {
        private CancellationTokenRegistration _registration;

        public Waiter()
            : base(TaskCreationOptions.RunContinuationsAsynchronously)
        {
        }

        public void CancelWith(CancellationToken cancellationToken, DeadlineThread owner)
        {
            if (!cancellationToken.CanBeCanceled)
                return;
            _registration = cancellationToken.UnsafeRegister(static (state, token) =>
            {
                var (waiter, deadlines) = ((Waiter, DeadlineThread))state!;
                if (waiter.TrySetCanceled(token))
                {
                    deadlines.Remove(waiter);
                    Watcher.WakeupDone();
                }
            }, (this, owner));
        }

        public void Release()
        {
            if (TrySetResult())
                Watcher.WakeupDone();
            _registration.Dispose();
        }
    }

    private sealed class DeadlineThread
    {
        // Below this distance from a deadline the thread stops sleeping and spins: monitor waits can wake ~1 ms late.
        private static readonly long SpinWindow = Stopwatch.Frequency / 1000;

        private static readonly long TicksPerMillisecond = Stopwatch.Frequency / 1000;

        // One monitor guards the queue and carries the wake-up signal, so a new earliest deadline can never be missed.
        private readonly object _gate = new();
        private readonly PriorityQueue<Waiter, long> _pending = new();
        private Thread? _thread;

        public Task Add(long deadline, CancellationToken cancellationToken)
        {
            var waiter = new Waiter();
            // This thread is no timer the runtime knows of: tell the library's watcher (the Go-style deadlock detector)
            // that a wake-up is pending until the waiter is released or cancelled.
            Watcher.WakeupScheduled();
            lock (_gate)
            {
                var isEarliest = !_pending.TryPeek(out _, out var earliest) || deadline < earliest;
                _pending.Enqueue(waiter, deadline);
                if (_thread is null)
                {
                    // UnsafeStart: the thread lives forever and must not carry the execution context of its first caller
                    // (inside a GoProgram that would make it look like a goroutine that never stops running).
                    _thread = new Thread(Run) { IsBackground = true, Name = "PreciseDelay deadlines" };
                    _thread.UnsafeStart();
                }
                else if (isEarliest)
                {
                    Monitor.Pulse(_gate);
                }
            }
            // Registered after the enqueue, so a cancellation always finds the waiter to remove.
            waiter.CancelWith(cancellationToken, this);
            return waiter.Task;
        }

        // A cancelled wait leaves the queue at once, so cancelled long waits do not pile up until their deadlines.
        public void Remove(Waiter waiter)
        {
            lock (_gate)
                _pending.Remove(waiter, out _, out _);
        }

        private void Run()
        {
            var due = new List<Waiter>();
            while (true)
            {
                lock (_gate)
                {
                    while (true)
                    {
                        var now = Stopwatch.GetTimestamp();
                        while (_pending.TryPeek(out var waiter, out var deadline) && deadline <= now)
                        {
                            _pending.Dequeue();
                            due.Add(waiter);
                        }
                        if (due.Count > 0)
                            break;
                        if (!_pending.TryPeek(out _, out var next))
                        {
                            Monitor.Wait(_gate);
                            continue;
                        }
                        var ticks = next - now;
                        if (ticks <= SpinWindow)
                            break;
                        // Clamped: a deadline weeks away would overflow int, and Monitor.Wait throws on a negative
                        // timeout, which would kill this thread and with it every pending wait.
                        Monitor.Wait(_gate, (int)Math.Min((ticks - SpinWindow) / TicksPerMillisecond, int.MaxValue));
                    }
                }

                if (due.Count == 0)
                {
                    // Within a millisecond or two of the deadline: spin, checking the clock. Yielding instead measured
                    // worse under load (a yielded thread can wait a whole scheduler slice to run again), and the spin is
                    // short: one thread, at most ~2 ms per deadline, however many jobs wait.
                    Thread.SpinWait(20);
                    continue;
                }
                foreach (var waiter in due)
                    waiter.Release();
                due.Clear();
            }
        }
    }
}
