using System.Diagnostics;
using System.Globalization;

namespace Tutorial.Lab;

// How much CPU other processes used while a figure was measured, from two CpuCounters and the sampler's snapshots
// between them. "Other" = the machine's busy time minus this process's own CPU time, so the lesson's own threads (a
// CPU-bound demo, the JIT, the GC) never count as load.
//
// Busy threshold (documented in the lessons' verdicts): the machine was busy when other processes used, on average over
// the window, at least 15% of the cores (0.3 of 2), or, in any slice of at least 200 ms, at least half of them (one whole
// core of 2). 0.3 of 2 cores means another process held a core 30% of the time: a timer or thread-pool wake-up that finds
// both cores taken waits a scheduler slice (a few ms), often enough to move a median whose model allows 1 ms. (It was a
// quarter until a CI run printed "❌ outside ... on a quiet machine (other processes used 0.5 of 2 cores)" for two such
// figures while a build ran beside it.) Idle machines measure 0.0-0.05 here, and /proc/stat's 100 Hz ticks make a
// 0.5 s window's average good to about 0.05 cores, so 0.3 is clear of noise. The burst rule catches a compiler or test run
// that started and stopped inside the window, which the average dilutes.
internal sealed record LoadReading(double OtherCores, double PeakOtherCores, int Cores, TimeSpan Window)
{
    public const double BusyShare = 0.15;
    public const double BurstShare = 0.5;
    public static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(200);

    public bool IsBusy => OtherCores >= BusyShare * Cores || PeakOtherCores >= BurstShare * Cores;

    /// <summary>For a verdict, e.g. <c>other processes used 1.7 of 2 cores while it ran</c>.</summary>
    public string Describe()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"other processes used {OtherCores:0.0} of {Cores} cores");
        if (PeakOtherCores >= OtherCores + 0.2)
            text += string.Create(CultureInfo.InvariantCulture, $" on average and up to {PeakOtherCores:0.0}");
        return text + " while it ran";
    }

    /// <summary>The reading from <paramref name="start"/> to <paramref name="end"/>; null when no CPU tick passed between them.</summary>
    /// <param name="start">The counters at the window's start.</param>
    /// <param name="end">The counters at its end.</param>
    /// <param name="inside">Snapshots taken in between (any order; ones outside the window are ignored), for the peak.</param>
    public static LoadReading? Between(CpuCounters start, CpuCounters end, IEnumerable<CpuCounters> inside)
    {
        if (OthersBetween(start, end) is not { } average)
            return null;
        // Peak: walk the snapshots in time order, closing a slice each time at least Slice has passed since its start.
        var peak = average;
        var sliceStart = start;
        foreach (var point in inside.Where(p => p.Timestamp > start.Timestamp && p.Timestamp < end.Timestamp).OrderBy(p => p.Timestamp).Append(end))
        {
            if (Stopwatch.GetElapsedTime(sliceStart.Timestamp, point.Timestamp) < Slice)
                continue;
            if (OthersBetween(sliceStart, point) is { } slice)
                peak = Math.Max(peak, slice);
            sliceStart = point;
        }
        return new LoadReading(average, peak, end.Cpus, Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp));
    }

    // Cores other processes kept busy on average between two snapshots; null when the window is empty.
    private static double? OthersBetween(CpuCounters a, CpuCounters b)
    {
        var wall = Stopwatch.GetElapsedTime(a.Timestamp, b.Timestamp).TotalSeconds;
        var ticks = b.TotalTicks - a.TotalTicks;
        if (wall <= 0 || ticks <= 0)
            return null;
        var machine = (b.BusyTicks - a.BusyTicks) / ticks * b.Cpus;
        var own = (b.OwnCpu - a.OwnCpu).TotalSeconds / wall;
        return Math.Clamp(machine - own, 0, b.Cpus);
    }
}
