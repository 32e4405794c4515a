using System.Diagnostics;
using System.Text;

namespace Tutorial.Concurrency.Diagnostics;

// The detector's bookkeeping. One lock guards it all; it is taken only when a goroutine starts or exits and when a
// watched operation has to wait or stops waiting, never on an operation that completes at once.
public sealed partial class GoProgram
{
    private readonly Lock _gate = new();
    private readonly List<Goroutine> _alive = [];
    private readonly Timer _graceTimer;
    private readonly Timer? _timeoutTimer;

    // Goroutines in _alive with at least one watched wait.
    private int _parked;

    // Bumped by every change of the state above. A report needs the same version at every look: no progress in between.
    private long _version;
    private bool _armed;
    private long _armedVersion;

    // When _version last changed (Stopwatch ticks): the grace period runs from the last progress, not from the look that
    // noticed it. Guarded by _gate.
    private long _changedAt;

    // How many quiet looks in a row have seen the armed version; the second one reports.
    private int _quietLooks;

    // Why the latest look did not report (for the timeout report), or null.
    private string? _couldRun;

    // Threads running code of this program's goroutines right now (see Goroutine.OnCurrentChanged). Not under _gate.
    private int _running;

    // Timers, queued thread-pool work items and busy thread-pool threads when the program started: what the host had then
    // is not the program's way out, only more than that could be. Not lowered when fewer are seen later: hosts poll (a
    // test runner re-arms a Task.Delay(100) again and again), and a baseline caught between two polls would then count
    // the host's next poll as the program's forever. The cost: a host timer that happens to end just as the program
    // starts one of its own hides that one (see the remarks on GoProgram).
    private long _timersAtStart;
    private long _queuedAtStart;
    private int _busyAtStart;

    // Thread-pool threads of the program blocked in a watched synchronous wait (see ThreadBlocked). Not under _gate.
    private int _parkedPoolThreads;

    // ThreadPool.CompletedWorkItemCount at the previous look (each look is one work item of its own), or null before the first.
    private long? _lastLookCompleted;

    private int _lastGoroutineId;
    private int _lastChannelNumber;
    private volatile bool _ended;

    internal bool HasEnded => _ended;

    /// <summary>How many goroutines are counted as parked right now (for tests).</summary>
    internal int ParkedCount
    {
        get
        {
            lock (_gate)
                return _parked;
        }
    }

    /// <summary>How many threads are running the program's code right now (for tests).</summary>
    internal int RunningThreads => Volatile.Read(ref _running);

    internal void EnteredThread() => Interlocked.Increment(ref _running);

    internal void LeftThread() => Interlocked.Decrement(ref _running);

    // A thread of the program blocks in a watched wait (WaitGroup.Wait): it runs nothing until the wait ends, and if it is a
    // thread-pool thread, it is busy only in the sense that it is parked.
    internal IDisposable ThreadBlocked()
    {
        var poolThread = Thread.CurrentThread.IsThreadPoolThread;
        LeftThread();
        if (poolThread)
            Interlocked.Increment(ref _parkedPoolThreads);
        return new ThreadWakes(this, poolThread);
    }

    private sealed class ThreadWakes(GoProgram program, bool poolThread) : IDisposable
    {
        public void Dispose()
        {
            if (poolThread)
                Interlocked.Decrement(ref program._parkedPoolThreads);
            program.EnteredThread();
        }
    }

    internal string NextChannelName<T>() => $"chan {typeof(T).Name} #{Interlocked.Increment(ref _lastChannelNumber)}";

    internal Task Start(string name, Func<Task> body, bool isMain)
    {
        Goroutine goroutine;
        lock (_gate)
        {
            if (_ended)
                return Task.Run(body);
            // Counted as alive before it is even scheduled, so that the parent parking right after starting it can never
            // look like "everyone is parked".
            goroutine = new Goroutine(this, ++_lastGoroutineId, name);
            _alive.Add(goroutine);
            Changed();
        }
        return Task.Run(() => RunGoroutineAsync(goroutine, body, isMain));
    }

    internal void Block(Goroutine goroutine, BlockingWait wait)
    {
        lock (_gate)
        {
            if (_ended || goroutine.Exited)
                return;
            wait.Owner = goroutine;
            goroutine.Waits.Add(wait);
            if (goroutine.Waits.Count == 1)
                _parked++;
            Changed();
            ArmIfAllParked();
        }
    }

    internal void Unblock(BlockingWait wait)
    {
        lock (_gate)
        {
            if (wait.Released)
                return;
            wait.Released = true;
            var goroutine = wait.Owner!;
            goroutine.Waits.Remove(wait);
            if (goroutine.Waits.Count == 0)
                _parked--;
            Changed();
        }
    }

    private void Exit(Goroutine goroutine, bool isMain)
    {
        lock (_gate)
        {
            goroutine.Exited = true;
            if (goroutine.Waits.Count > 0)
            {
                // Waits it abandoned (say, a read it raced against a timer) no longer hold anything up.
                foreach (var wait in goroutine.Waits)
                    wait.Released = true;
                goroutine.Waits.Clear();
                _parked--;
            }
            _alive.Remove(goroutine);
            Changed();
            if (isMain)
            {
                // Go: when main returns the program is over, whatever the other goroutines are doing.
                _ended = true;
                return;
            }
            // The last runnable goroutine exiting (a producer that forgot to close) can leave everyone else parked.
            ArmIfAllParked();
        }
    }

    private bool MarkEnded()
    {
        lock (_gate)
        {
            if (_ended)
                return false;
            _ended = true;
            return true;
        }
    }

    private bool AllParked => _alive.Count > 0 && _parked == _alive.Count;

    // Called under _gate. The timer is armed only when the last goroutine parks: a program making progress never touches it.
    private void ArmIfAllParked()
    {
        if (_armed || _ended || !_options.DetectDeadlocks || !AllParked)
            return;
        Arm(_options.GracePeriod);
        _quietLooks = 0;
    }

    // Called under _gate, on every change a goroutine makes: start, park, wake, exit.
    private void Changed()
    {
        Debug.Assert(_gate.IsHeldByCurrentThread, "called under _gate");
        _version++;
        _changedAt = Stopwatch.GetTimestamp();
    }

    // Called under _gate.
    private void Arm(TimeSpan after)
    {
        Debug.Assert(_gate.IsHeldByCurrentThread, "called under _gate");
        _armed = true;
        _armedVersion = _version;
        _graceTimer.Change(after, Timeout.InfiniteTimeSpan);
    }

    private void OnGracePeriodElapsed()
    {
        DeadlockException deadlock;
        lock (_gate)
        {
            _armed = false;
            if (_ended || !_options.DetectDeadlocks || !AllParked)
                return;
            if (_version != _armedVersion)
            {
                // Everyone is parked again, but something happened meanwhile: the new state gets its own grace period,
                // counted from that change. (Counted from this look, a timer armed while a hand-over was on its way, the
                // receiver woken but not yet run, made lesson 06's report come a whole grace period late, about every
                // other run in a notebook kernel.)
                var left = _options.GracePeriod - Stopwatch.GetElapsedTime(_changedAt);
                Arm(left > ConfirmationDelay ? left : ConfirmationDelay);
                _quietLooks = 0;
                return;
            }
            if (!NothingCanRun(out var programActive))
            {
                // Parked on paper, but something may still wake a goroutine. If it is the program itself (its code running,
                // a hand-over on its way), the count of quiet looks starts over and the next look is a grace period away.
                // If it is only the rest of the process (a timer, queued or busy thread-pool work), look again soon: on a
                // loaded machine such moments come and go, and waiting a whole grace period between looks made a report
                // take seconds.
                if (programActive)
                {
                    _quietLooks = 0;
                    Arm(_options.GracePeriod);
                }
                else
                {
                    Arm(ConfirmationDelay);
                }
                return;
            }
            // A second quiet look, later and with nothing changed, so that a hand-over caught between being taken off the
            // thread pool's queue and being run cannot pass for silence.
            if (++_quietLooks < 2)
            {
                Arm(ConfirmationDelay);
                return;
            }
            deadlock = DeadlockReport();
            _ended = true;
        }
        _failure.TrySetException(deadlock);
        CancelGoroutines();
    }

    private TimeSpan ConfirmationDelay => TimeSpan.FromTicks(Math.Clamp(_options.GracePeriod.Ticks / 4, TimeSpan.TicksPerMillisecond, 20 * TimeSpan.TicksPerMillisecond));

    // Called under _gate, from the grace timer's callback (a thread-pool thread). True only when nothing at all can run
    // code that could complete a watched operation: this is what keeps a slow, sleeping or busy program from being
    // called dead. Each reading is process-wide, so unrelated work only delays a report, never causes one.
    private bool NothingCanRun(out bool programActive)
    {
        (_couldRun, programActive) = WhatCouldRun();
        return _couldRun is null;
    }

    // Called under _gate. What could still run right now (null when nothing could), and whether it is the program's own
    // activity rather than the rest of the process.
    private (string? What, bool Program) WhatCouldRun()
    {
        // Code of the program running on some thread (computing, sleeping, blocked on a lock or an unwatched wait).
        if (Volatile.Read(ref _running) is var running and not 0)
            return ($"{running} thread(s) running the program's code", true);
        // A watched operation that has completed while its wait has not ended yet: a hand-over on its way.
        foreach (var goroutine in _alive)
        {
            foreach (var wait in goroutine.Waits)
            {
                if (wait.HasCompleted)
                    return ($"a hand-over to {goroutine.Name} on its way", true);
            }
        }
        // A wake-up the runtime cannot see (the lab's PreciseDelay thread) is pending.
        if (Watcher.PendingWakeups is var wakeups and not 0)
            return ($"{wakeups} precise wait(s) pending", false);
        // A timer that may fire: a Task.Delay, a Timer (Go's time.AfterFunc), a token with a timeout, a PeriodicTimer.
        // The grace timer has just fired (one-shot timers leave the queue before their callback runs); the timeout timer,
        // if any, is the program's own.
        var timers = Timer.ActiveCount - (_timeoutTimer is null ? 0 : 1);
        if (timers > _timersAtStart)
            return ($"{timers - _timersAtStart} timer(s) pending", false);
        // Work queued on the thread pool since the program started: a continuation of the program's code may be among it.
        var queued = ThreadPool.PendingWorkItemCount;
        if (queued > _queuedAtStart)
            return ($"{queued - _queuedAtStart} work item(s) queued on the thread pool", false);
        // Threads the host keeps busy for good (a test runner's or a notebook kernel's loops) were busy before the program
        // started, and this callback runs on one of the others: only more than that counts. On a loaded machine the pool
        // also counts threads it has woken that are still waiting for a core, or spinning before they sleep again; those
        // finish no work item. So more busy threads are a sign of life only if some work item other than these looks
        // themselves completed since the previous look.
        var completed = ThreadPool.CompletedWorkItemCount;
        var othersCompleted = _lastLookCompleted is { } last ? completed - last - 1 : long.MaxValue;
        _lastLookCompleted = completed;
        var busy = BusyWorkerThreads() - 1 - Volatile.Read(ref _parkedPoolThreads);
        if (busy > _busyAtStart && othersCompleted > 0)
            return ($"{busy - _busyAtStart} more thread-pool thread(s) busy than when the program started", false);
        return (null, false);
    }

    private static int BusyWorkerThreads()
    {
        ThreadPool.GetMaxThreads(out var max, out _);
        ThreadPool.GetAvailableThreads(out var available, out _);
        return max - available;
    }

    private void OnTimeout()
    {
        TimeoutException timeout;
        lock (_gate)
        {
            if (_ended)
                return;
            timeout = new TimeoutException(TimeoutReport());
            _ended = true;
        }
        _failure.TrySetException(timeout);
        CancelGoroutines();
    }

    // Called under _gate, when every goroutine alive has at least one wait.
    private DeadlockException DeadlockReport()
    {
        var blocked = new List<BlockedGoroutine>(_alive.Count);
        var details = new List<string>(_alive.Count);
        foreach (var goroutine in _alive.OrderBy(g => g.Id))
        {
            // The oldest wait is the one the goroutine is stuck on; more than one means it awaits several at once.
            var wait = goroutine.Waits[0];
            blocked.Add(new BlockedGoroutine(goroutine.Id, goroutine.Name, wait.Kind, wait.Target, wait.Elapsed));
            var more = goroutine.Waits.Count > 1 ? $" (and {goroutine.Waits.Count - 1} more watched wait(s))" : "";
            details.Add($"{goroutine.Name}, parked {wait.Elapsed.TotalMilliseconds:F0} ms: {wait.Detail}{more}");
        }
        return new DeadlockException(blocked, details);
    }

    // Called under _gate.
    private string TimeoutReport()
    {
        var text = new StringBuilder()
            .Append("The Go-style program did not finish within ").Append(_options.Timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture))
            .Append(" s (GoProgramOptions.Timeout).");
        if (_couldRun is not null)
            text.Append(" Every goroutine was parked, but the detector did not report a deadlock because something could still run: ").Append(_couldRun).Append('.');
        text.Append(" Goroutines still alive:\n");
        foreach (var goroutine in _alive.OrderBy(g => g.Id))
        {
            if (goroutine.Waits.Count > 0)
            {
                var wait = goroutine.Waits[0];
                var entry = new BlockedGoroutine(goroutine.Id, goroutine.Name, wait.Kind, wait.Target, wait.Elapsed);
                text.Append('\n').Append(entry).Append("\n\t").Append(goroutine.Name).Append(", parked: ").Append(wait.Detail);
            }
            else
            {
                text.Append("\ngoroutine ").Append(goroutine.Id).Append(" [running]:\n\t").Append(goroutine.Name)
                    .Append(", running, or waiting on something the detector does not watch (a timer, I/O, a lock, a Task, an unwatched channel)");
            }
        }
        return text.ToString();
    }
}
