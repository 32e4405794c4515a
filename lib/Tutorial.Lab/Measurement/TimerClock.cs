using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Tutorial.Lab;

/// <summary>
/// The clock .NET's timers count in. <see cref="Task.Delay(TimeSpan)"/>, <see cref="Timer"/> and the timeouts built on
/// them fire once a count of whole milliseconds says their time is up. On Linux that count is
/// <see cref="Environment.TickCount64"/> (the runtime's <c>TimerQueue.Unix.cs</c>), which the runtime reads from the
/// kernel's coarse clock, <c>CLOCK_MONOTONIC_COARSE</c>: it moves only once per kernel tick, often every 4 ms. A wait is
/// counted from the last step before it started, so it can end up to one step, plus the rounding to a millisecond, before
/// the time asked for (dotnet/runtime issues #45585 and #87112).
/// </summary>
public static class TimerClock
{
    // Linux's clock id for CLOCK_MONOTONIC_COARSE (include/uapi/linux/time.h).
    private const int ClockMonotonicCoarse = 6;

    private static readonly Lazy<long> Step = new(() => CoarseClockStep() ?? SmallestStepSeen(TimeSpan.FromMilliseconds(200)));

    /// <summary>
    /// How far <see cref="Environment.TickCount64"/> moves in one step, in whole milliseconds (at least 1). On Linux it is
    /// the coarse clock's resolution as the kernel reports it (<c>clock_getres</c>), rounded up to a millisecond: exact,
    /// however busy the machine. Elsewhere it is the smallest step seen while watching the count for 200 ms; other work
    /// that keeps this thread from running can only make the steps seen larger, never smaller.
    /// </summary>
    public static long StepMilliseconds => Step.Value;

    /// <summary>
    /// The most a timer wait can end before the time asked for: one step, plus up to a millisecond lost when the count
    /// rounds down to whole milliseconds (<see cref="StepMilliseconds"/> + 1 ms).
    /// </summary>
    public static TimeSpan MostEarly => TimeSpan.FromMilliseconds(StepMilliseconds + 1);

    // The kernel's resolution of CLOCK_MONOTONIC_COARSE in whole milliseconds, or null where it cannot be asked.
    private static long? CoarseClockStep()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        try
        {
            if (ClockGetResolution(ClockMonotonicCoarse, out var resolution) != 0)
                return null;
            var nanoseconds = (long)resolution.Seconds * 1_000_000_000 + resolution.Nanoseconds;
            return nanoseconds > 0 ? Math.Max(1, (nanoseconds + 999_999) / 1_000_000) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    // Spins on Environment.TickCount64 for `watch` and returns the smallest change seen (1 if it never changed).
    internal static long SmallestStepSeen(TimeSpan watch)
    {
        var smallest = long.MaxValue;
        var last = Environment.TickCount64;
        var until = Stopwatch.GetTimestamp() + (long)(watch.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            var now = Environment.TickCount64;
            if (now == last)
                continue;
            smallest = Math.Min(smallest, now - last);
            last = now;
        }
        return smallest == long.MaxValue ? 1 : smallest;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public nint Seconds;
        public nint Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_getres")]
    private static extern int ClockGetResolution(int clock, out TimeSpec resolution);
}
