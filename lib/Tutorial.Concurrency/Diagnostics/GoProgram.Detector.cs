using System.Text;

namespace Tutorial.Concurrency;

// The detector's bookkeeping. One lock guards it all; it is taken only when a goroutine starts or exits and when a
// watched operation has to wait or stops waiting, never on an operation that completes at once.
public sealed partial class GoProgram
{
    private readonly Lock _gate = new();
    private readonly List<Goroutine> _alive = [];
    private readonly Timer _graceTimer;
    private readonly Timer? _timeoutTimer;

    // Goroutines in _alive with at least one counted wait.
    private int _parked;

    // Bumped by every change of the state above. The timer only reports a deadlock if it sees, after the grace period,
    // the same version it was armed with: the same all-parked state throughout, with no progress in between.
    private long _version;
    private bool _armed;
    private long _armedVersion;

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

    internal string NextChannelName<T>() => $"chan {typeof(T).Name} #{Interlocked.Increment(ref _lastChannelNumber)}";

    internal Task Start(string name, Func<Task> body, bool isMain)
    {
        Goroutine goroutine;
        lock (_gate)
        {
            if (_ended)
                return Task.Run(body);
            // Counted as alive (and runnable) before it is even scheduled, so that the parent parking right after
            // starting it can never look like "everyone is parked".
            goroutine = new Goroutine(this, ++_lastGoroutineId, name);
            _alive.Add(goroutine);
            _version++;
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
            _version++;
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
            _version++;
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
            _version++;
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

    // Called under _gate. The timer is armed only when the last runnable goroutine parks: a program making
    // progress never touches it.
    private void ArmIfAllParked()
    {
        if (_armed || _ended || !_options.DetectDeadlocks || _alive.Count == 0 || _parked != _alive.Count)
            return;
        _armed = true;
        _armedVersion = _version;
        _graceTimer.Change(_options.GracePeriod, Timeout.InfiniteTimeSpan);
    }

    private void OnGracePeriodElapsed()
    {
        DeadlockException deadlock;
        lock (_gate)
        {
            _armed = false;
            if (_ended || _alive.Count == 0 || _parked != _alive.Count)
                return;
            if (_version != _armedVersion || LooksTransient())
            {
                // Everyone is parked again, but something happened meanwhile: give the new state its own grace period.
                ArmIfAllParked();
                return;
            }
            deadlock = DeadlockReport();
            _ended = true;
        }
        _failure.TrySetException(deadlock);
        CancelGoroutines();
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

    // Called under _gate. Defence in depth: states that the bookkeeping may show for a moment but that can never be a
    // real deadlock. An operation that has completed although its callback is still queued (WaitGroup's signal runs
    // its continuations asynchronously) has a runnable goroutine behind it. And a channel cannot really have a blocked
    // WriteAsync while a reader waits on it, nor a blocked ReadAsync while a writer does: the channel would have paired
    // them, so one of them is in the middle of a hand-over.
    private bool LooksTransient()
    {
        HashSet<ChannelWatch>? sendTransfers = null, sends = null, receiveTransfers = null, receives = null;
        foreach (var goroutine in _alive)
        {
            foreach (var wait in goroutine.Waits)
            {
                if (wait.HasCompleted)
                    return true;
                if (wait.Channel is not { } channel)
                    continue;
                if (wait.Kind == GoroutineWaitKind.ChanSend)
                {
                    (sends ??= []).Add(channel);
                    if (wait.Transfers)
                        (sendTransfers ??= []).Add(channel);
                }
                else
                {
                    (receives ??= []).Add(channel);
                    if (wait.Transfers)
                        (receiveTransfers ??= []).Add(channel);
                }
            }
        }
        return (sendTransfers is not null && receives is not null && sendTransfers.Overlaps(receives))
            || (receiveTransfers is not null && sends is not null && receiveTransfers.Overlaps(sends));
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
            .Append(" s (GoProgramOptions.Timeout). Goroutines still alive:\n");
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
