using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Tutorial.Lab;

// How long the calling thread has computed: the CPU time the kernel charged to it (Linux's CLOCK_THREAD_CPUTIME_ID,
// nanosecond resolution). Unlike the wall clock it does not grow while other programs have the core, so a CPU-bound job
// calibrated with it takes the same amount of computing on a busy machine as on a quiet one. Where the thread clock
// cannot be read, it falls back to the wall clock (which a busy machine stretches).
internal static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3; // include/uapi/linux/time.h

    private static readonly bool Available = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>Whether the thread's CPU clock is read (true on Linux); otherwise <see cref="Of"/> measures wall time.</summary>
    internal static bool IsThreadClock => Available;

    /// <summary>How long <paramref name="work"/> kept the calling thread computing (or, without a thread clock, took).</summary>
    internal static TimeSpan Of(Action work)
    {
        var start = Stopwatch.GetTimestamp();
        if (Available && TryRead(out var before))
        {
            work();
            // A clock that fails between two reads (never seen) gives the wall time of this one run: work runs once.
            return TryRead(out var after) ? after - before : Stopwatch.GetElapsedTime(start);
        }
        work();
        return Stopwatch.GetElapsedTime(start);
    }

    private static bool TryRead(out TimeSpan time)
    {
        time = default;
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var now) != 0)
                return false;
            time = TimeSpan.FromTicks(((long)now.Seconds * 1_000_000_000 + now.Nanoseconds) / 100);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public nint Seconds;
        public nint Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
