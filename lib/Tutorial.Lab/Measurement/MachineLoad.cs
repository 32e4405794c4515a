using System.Diagnostics;

namespace Tutorial.Lab;

// Watches the machine's load cheaply so a key figure's verdict can say, from a measurement, whether other processes were
// busy while the figure was measured.
//
// A timer reads the CPU counters every 250 ms (a few microseconds each; no thread spins) and keeps the last minute of
// snapshots; Measure's methods also take one at the start and end of each measurement. The window a verdict looks at:
// - a figure from Samples or a Sweep: the measurement's own start and end, which it carries (MeasuredWindow);
// - any other figure: from the previous key figure or the start of the latest Measure call, whichever is earlier, to now.
//   That covers "measure in this cell, then print" without knowing where a notebook cell starts. It is bounded to
//   0.5-10 s: at least 0.5 s because /proc/stat counts in 10 ms ticks (a shorter window reads mostly noise), at most 10 s
//   so minutes a learner spent reading between cells do not dilute the load of the seconds the cell ran.
// A window shorter than 0.5 s is widened backwards using the snapshots. When no snapshot reaches back far enough (the
// sampler started just now), the reading waits out the rest of the 0.5 s and uses the load right after the figure.
internal sealed class MachineLoad
{
    public static readonly TimeSpan MinWindow = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SamplePeriod = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Keep = TimeSpan.FromSeconds(60);
    private static readonly Lazy<MachineLoad> LazyShared = new(() => new MachineLoad(CpuCounters.ReadProcStat, sample: true));

    private readonly Func<CpuCounters?> _read;
    private readonly Lock _gate = new();
    private readonly List<CpuCounters> _history = [];
    private long _lastFigure;
    private long _lastMeasurementStart;

    /// <summary>The process-wide watcher; created, and its sampler started, on first use.</summary>
    public static MachineLoad Shared => LazyShared.Value;

    /// <param name="read">Reads the counters now; returns null when this OS has none.</param>
    /// <param name="sample">Start the 250 ms sampler (tests pass false and call <see cref="Snapshot"/> themselves).</param>
    internal MachineLoad(Func<CpuCounters?> read, bool sample)
    {
        _read = read;
        _lastFigure = Stopwatch.GetTimestamp();
        if (Snapshot() is not null && sample)
        {
            // A thread of its own rather than a Timer: a periodic timer started in the middle of a GoProgram would look to
            // the deadlock detector like a way out for the program (and the sampler must not wait behind a busy thread
            // pool either). UnsafeStart: the thread must not carry the execution context of whoever used the load first.
            new Thread(Sample) { IsBackground = true, Name = "MachineLoad sampler" }.UnsafeStart();
        }
    }

    private void Sample()
    {
        while (true)
        {
            Thread.Sleep(SamplePeriod);
            Snapshot();
        }
    }

    /// <summary>Reads the counters now and keeps them in the history.</summary>
    public CpuCounters? Snapshot()
    {
        var counters = _read();
        if (counters is { } c)
        {
            lock (_gate)
            {
                _history.Add(c);
                _history.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
                var cutoff = c.Timestamp - (long)(Keep.TotalSeconds * Stopwatch.Frequency);
                var old = _history.FindLastIndex(s => s.Timestamp < cutoff);
                if (old > 0)
                    _history.RemoveRange(0, old); // keep one snapshot older than the cutoff, so a window can still start there
            }
        }
        return counters;
    }

    /// <summary>Marks the start of a measurement; its result gets the returned window start.</summary>
    public (long Timestamp, CpuCounters? Counters) MeasurementStarted()
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _lastMeasurementStart, now);
        return (now, Snapshot());
    }

    /// <summary>Closes the window a measurement started with <see cref="MeasurementStarted"/>.</summary>
    public MeasuredWindow MeasurementEnded((long Timestamp, CpuCounters? Counters) start) =>
        new(start.Timestamp, Stopwatch.GetTimestamp(), start.Counters, Snapshot());

    /// <summary>Remembers that a key figure was printed now: the next untracked figure's window starts here.</summary>
    public void FigurePrinted() => Interlocked.Exchange(ref _lastFigure, Stopwatch.GetTimestamp());

    /// <summary>The load while a measurement ran; null with no counters on this OS.</summary>
    public LoadReading? During(MeasuredWindow window)
    {
        if (window.AtStart is not { } start || window.AtEnd is not { } end)
            return null;
        // Widen a short window backwards with the history (see the comment at the top).
        if (Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp) < MinWindow)
            start = AtOrBefore(end.Timestamp - Ticks(MinWindow)) ?? start;
        return Read(start, end);
    }

    /// <summary>The load for a figure that carries no window: since the previous figure or the latest measurement's start.</summary>
    public LoadReading? SinceLastFigure()
    {
        if (Snapshot() is not { } end)
            return null;
        var from = WindowStart(end.Timestamp, Interlocked.Read(ref _lastFigure), Interlocked.Read(ref _lastMeasurementStart));
        var start = AtOrBefore(from) ?? Earliest() ?? end;
        // When the history does not reach back 0.5 s, wait for the rest and read the load just after the figure too.
        // (Thread.Sleep may wake a little early, hence the loop.)
        while (Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp) is var covered && covered < MinWindow)
        {
            Thread.Sleep(MinWindow - covered + TimeSpan.FromMilliseconds(1));
            if (Snapshot() is not { } later)
                return null;
            end = later;
        }
        return Read(start, end);
    }

    /// <summary>The untracked window's start: the earlier of the previous figure and the latest measurement's start (0 = none), kept 0.5-10 s before now.</summary>
    internal static long WindowStart(long now, long lastFigure, long lastMeasurementStart)
    {
        var from = lastMeasurementStart > 0 ? Math.Min(lastFigure, lastMeasurementStart) : lastFigure;
        return Math.Clamp(from, now - Ticks(MaxWindow), now - Ticks(MinWindow));
    }

    private LoadReading? Read(CpuCounters start, CpuCounters end)
    {
        List<CpuCounters> inside;
        lock (_gate)
            inside = _history.FindAll(s => s.Timestamp > start.Timestamp && s.Timestamp < end.Timestamp);
        return LoadReading.Between(start, end, inside);
    }

    private CpuCounters? AtOrBefore(long timestamp)
    {
        lock (_gate)
        {
            var i = _history.FindLastIndex(s => s.Timestamp <= timestamp);
            return i >= 0 ? _history[i] : null;
        }
    }

    private CpuCounters? Earliest()
    {
        lock (_gate)
            return _history.Count > 0 ? _history[0] : null;
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}

/// <summary>When a measurement ran (Stopwatch timestamps) and the CPU counters at its start and end (null on an OS without them).</summary>
internal readonly record struct MeasuredWindow(long Start, long End, CpuCounters? AtStart, CpuCounters? AtEnd);
