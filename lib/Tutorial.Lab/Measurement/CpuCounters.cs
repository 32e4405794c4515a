using System.Diagnostics;
using System.Globalization;

namespace Tutorial.Lab;

// One instant's CPU counters: how much CPU time the whole machine and this process have used so far. Two of them make a
// load reading (LoadReading.Between). On Linux the machine's counters come from the first line of /proc/stat:
//
//   cpu  user nice system idle iowait irq softirq steal guest guest_nice     (in USER_HZ ticks, summed over all CPUs)
//
// busy = user + nice + system + irq + softirq + steal. Steal is time a hypervisor gave this VM's CPUs to another VM: for
// our figures it is lost time like any other process's, so it counts as "used by others". guest and guest_nice are
// already included in user and nice, so they are not added again. total = busy + idle + iowait.
// Ticks are converted with the ratio busy / total, never with USER_HZ, so the tick rate need not be known.
// A read costs a few microseconds (one small procfs file and one getrusage call).
internal readonly record struct CpuCounters(long Timestamp, double BusyTicks, double TotalTicks, int Cpus, TimeSpan OwnCpu)
{
    /// <summary>Reads the counters now, or null where there is no <c>/proc/stat</c> (any OS but Linux) or it cannot be read.</summary>
    public static CpuCounters? ReadProcStat()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        try
        {
            var timestamp = Stopwatch.GetTimestamp();
            var own = Environment.CpuUsage.TotalTime;
            return Parse(File.ReadAllText("/proc/stat"), timestamp, own);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Parses the text of <c>/proc/stat</c>; null when it does not look like one.</summary>
    internal static CpuCounters? Parse(string procStat, long timestamp, TimeSpan ownCpu)
    {
        double busy = 0, total = 0;
        int cpus = 0;
        var sawTotal = false;
        foreach (var line in procStat.Split('\n'))
        {
            if (!line.StartsWith("cpu", StringComparison.Ordinal))
                continue;
            if (line.Length > 3 && char.IsAsciiDigit(line[3]))
            {
                cpus++;
                continue;
            }
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5)
                return null;
            var ticks = new double[8];
            for (var i = 0; i < ticks.Length && i + 1 < fields.Length; i++)
                if (!double.TryParse(fields[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out ticks[i]))
                    return null;
            // user nice system idle iowait irq softirq steal
            busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7];
            total = busy + ticks[3] + ticks[4];
            sawTotal = true;
        }
        return sawTotal && cpus > 0 ? new CpuCounters(timestamp, busy, total, cpus, ownCpu) : null;
    }
}
