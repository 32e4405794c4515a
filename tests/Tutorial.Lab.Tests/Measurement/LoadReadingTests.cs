using System.Diagnostics;

using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Measurement;

public class LoadReadingTests
{
    // Counters at `seconds` on a 2-CPU machine ticking 100 times a second per CPU.
    internal static CpuCounters At(double seconds, double busyTicks, double ownSeconds = 0, double ticksPerSecond = 200) =>
        new((long)(seconds * Stopwatch.Frequency), busyTicks, seconds * ticksPerSecond, 2, TimeSpan.FromSeconds(ownSeconds));

    [Fact]
    public void Other_processes_are_the_machine_busy_time_minus_this_process()
    {
        // 1 s: the machine kept 1.7 cores busy, this process used 0.2 s of CPU, so others used 1.5 cores.
        var reading = LoadReading.Between(At(10, 1000), At(11, 1170, ownSeconds: 0.2), []);

        Assert.NotNull(reading);
        Assert.Equal(1.5, reading.OtherCores, precision: 6);
        Assert.Equal(2, reading.Cores);
        Assert.Equal(TimeSpan.FromSeconds(1), reading.Window);
        Assert.True(reading.IsBusy);
        Assert.Equal("other processes used 1.5 of 2 cores while it ran", reading.Describe());
    }

    [Fact]
    public void This_process_alone_keeping_the_machine_busy_is_not_load()
    {
        var reading = LoadReading.Between(At(0, 0), At(1, 200, ownSeconds: 2.0), [])!;

        Assert.Equal(0, reading.OtherCores, precision: 6);
        Assert.False(reading.IsBusy);
    }

    [Fact]
    public void Readings_are_clamped_to_the_machine()
    {
        // getrusage and /proc/stat tick at different moments: own time can exceed the machine's ticks slightly.
        Assert.Equal(0, LoadReading.Between(At(0, 0), At(1, 50, ownSeconds: 0.9), [])!.OtherCores);
    }

    [Theory]
    [InlineData(0.29, false)]
    [InlineData(0.3, true)] // 15% of 2 cores on average
    public void The_busy_threshold_is_15_percent_of_the_cores_on_average(double others, bool busy)
    {
        var reading = LoadReading.Between(At(0, 0), At(1, others * 100), [])!;

        Assert.Equal(busy, reading.IsBusy);
    }

    [Fact]
    public void A_burst_of_half_the_cores_for_200_ms_or_more_makes_the_machine_busy()
    {
        // 2 s, snapshots every 250 ms; other processes use both cores between 1.0 and 1.25 s only: 0.25 cores on average.
        var snapshots = Enumerable.Range(0, 9).Select(i => At(i * 0.25, i >= 5 ? 50 : 0)).ToList();

        var reading = LoadReading.Between(snapshots[0], snapshots[^1], snapshots)!;

        Assert.Equal(0.25, reading.OtherCores, precision: 6);
        Assert.Equal(2, reading.PeakOtherCores, precision: 6);
        Assert.True(reading.IsBusy);
        Assert.Equal("other processes used 0.3 of 2 cores on average and up to 2.0 while it ran", reading.Describe());
    }

    [Fact]
    public void Slices_shorter_than_200_ms_are_merged_so_tick_noise_does_not_look_like_a_burst()
    {
        // Snapshots 50 ms apart; a 50 ms spike of 2 cores alone must not read as a burst.
        var snapshots = Enumerable.Range(0, 21).Select(i => At(i * 0.05, i >= 11 ? 10 : 0)).ToList();

        var reading = LoadReading.Between(snapshots[0], snapshots[^1], snapshots)!;

        Assert.True(reading.PeakOtherCores <= 0.5 + 1e-9, $"peak {reading.PeakOtherCores}");
        Assert.False(reading.IsBusy);
    }

    [Fact]
    public void No_reading_when_no_time_or_no_tick_passed()
    {
        Assert.Null(LoadReading.Between(At(1, 0), At(1, 0), []));
        Assert.Null(LoadReading.Between(At(1, 0), At(2, 0, ticksPerSecond: 0), []));
    }

    [Fact]
    public void Proc_stat_is_parsed_with_steal_as_busy_and_guest_not_counted_twice()
    {
        const string procStat = """
            cpu  100 10 50 800 20 5 5 10 40 0
            cpu0 50 5 25 400 10 2 2 5 20 0
            cpu1 50 5 25 400 10 3 3 5 20 0
            intr 12345
            ctxt 999
            """;

        var counters = CpuCounters.Parse(procStat, 42, TimeSpan.FromSeconds(3));

        Assert.Equal(new CpuCounters(42, 100 + 10 + 50 + 5 + 5 + 10, 180 + 800 + 20, 2, TimeSpan.FromSeconds(3)), counters);
        Assert.Null(CpuCounters.Parse("intr 1\nctxt 2", 0, default));
        Assert.Null(CpuCounters.Parse("cpu  1 2 x 4 5 6 7 8\ncpu0 1", 0, default));
    }
}
