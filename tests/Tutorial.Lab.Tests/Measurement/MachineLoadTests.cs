using System.Diagnostics;

using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Measurement;

public class MachineLoadTests
{
    private static readonly long Second = Stopwatch.Frequency;

    // A machine where other processes keep `others` cores busy all the time, read at the real clock.
    private static Func<CpuCounters?> SteadyLoad(double others, long origin)
    {
        return () =>
        {
            var now = Stopwatch.GetTimestamp();
            var seconds = (now - origin) / (double)Second;
            return new CpuCounters(now, others * 100 * seconds, 200 * seconds, 2, TimeSpan.Zero);
        };
    }

    [Fact]
    public void The_untracked_window_runs_from_the_earlier_of_previous_figure_and_measurement_start()
    {
        var now = 1000 * Second;

        Assert.Equal(now - 3 * Second, MachineLoad.WindowStart(now, lastFigure: now - 2 * Second, lastMeasurementStart: now - 3 * Second));
        Assert.Equal(now - 2 * Second, MachineLoad.WindowStart(now, lastFigure: now - 2 * Second, lastMeasurementStart: 0));
        Assert.Equal(now - 2 * Second, MachineLoad.WindowStart(now, lastFigure: now - 2 * Second, lastMeasurementStart: now - Second));
    }

    [Fact]
    public void The_untracked_window_is_kept_between_half_a_second_and_ten_seconds()
    {
        var now = 1000 * Second;

        Assert.Equal(now - 10 * Second, MachineLoad.WindowStart(now, lastFigure: now - 300 * Second, lastMeasurementStart: 0));
        Assert.Equal(now - Second / 2, MachineLoad.WindowStart(now, lastFigure: now - Second / 100, lastMeasurementStart: now));
    }

    [Fact]
    public void A_short_measured_window_is_widened_backwards_with_the_history()
    {
        var origin = Stopwatch.GetTimestamp() - 5 * Second;
        var scripted = new Queue<CpuCounters>([
            new CpuCounters(origin, 0, 0, 2, TimeSpan.Zero),                              // taken by the constructor
            new CpuCounters(origin + 4 * Second, 400, 800, 2, TimeSpan.Zero),              // sampler, 1 s before the end
            new CpuCounters(origin + 49 * Second / 10, 400, 820, 2, TimeSpan.Zero),        // measurement start (100 ms)
            new CpuCounters(origin + 5 * Second, 400, 840, 2, TimeSpan.Zero)]);            // measurement end
        var load = new MachineLoad(() => scripted.Dequeue(), sample: false);
        load.Snapshot();

        var window = load.MeasurementEnded(load.MeasurementStarted());
        var reading = load.During(window);

        // The 100 ms window alone would read 0 others; widened to start at 4 s it still reads 0, over 1 s.
        Assert.NotNull(reading);
        Assert.Equal(TimeSpan.FromSeconds(1), reading.Window);
        Assert.Equal(0, reading.OtherCores, precision: 6);
    }

    [Fact]
    public void With_no_counters_there_is_no_reading()
    {
        var load = new MachineLoad(() => null, sample: false);

        var window = load.MeasurementEnded(load.MeasurementStarted());

        Assert.Null(load.During(window));
        Assert.Null(load.SinceLastFigure());
    }

    [Fact]
    public void Just_after_start_the_reading_waits_for_half_a_second_of_counters()
    {
        var load = new MachineLoad(SteadyLoad(1.2, Stopwatch.GetTimestamp() - Second), sample: false);

        var reading = load.SinceLastFigure();

        Assert.NotNull(reading);
        Assert.True(reading.Window >= MachineLoad.MinWindow, $"window {reading.Window}");
        Assert.Equal(1.2, reading.OtherCores, precision: 3);
        Assert.True(reading.IsBusy);
    }
}

[Collection(TimingCollection.Name)] // the busy loops must not compete with this assembly's parallel tests
public class MachineLoadRealTests
{
    [Fact]
    public async Task Two_cpu_bound_processes_read_as_busy()
    {
        if (!OperatingSystem.IsLinux())
            return; // the reading exists only where /proc/stat does
        var load = new MachineLoad(CpuCounters.ReadProcStat, sample: true);
        var spinners = Enumerable.Range(0, 2)
            .Select(_ => Process.Start(new ProcessStartInfo("sh", ["-c", "while :; do :; done"]) { UseShellExecute = false })!)
            .ToList();
        try
        {
            await Task.Delay(200); // let both loops get going; the reading below is what is asserted
            var started = load.MeasurementStarted();
            await Task.Delay(1000); // the measurement window: one second of the machine's life
            var reading = load.During(load.MeasurementEnded(started));

            Assert.NotNull(reading);
            Assert.True(reading.IsBusy, reading.Describe());
            Assert.True(reading.OtherCores >= 1.0, reading.Describe());
            Assert.Matches(@"^other processes used \d\.\d of \d+ cores", reading.Describe());
        }
        finally
        {
            foreach (var spinner in spinners)
            {
                spinner.Kill(entireProcessTree: true);
                spinner.WaitForExit(5000);
                spinner.Dispose();
            }
        }
    }
}
