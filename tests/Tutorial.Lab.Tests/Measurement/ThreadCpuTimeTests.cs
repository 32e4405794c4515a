using System.Diagnostics;
using Tutorial.Lab;

namespace Tutorial.Lab.Tests.Measurement;

/// <summary>The thread's CPU clock, which the CPU workload's calibration uses: sleeping costs none of it, computing does.</summary>
public sealed class ThreadCpuTimeTests
{
    [Fact]
    public void On_Linux_the_thread_clock_is_read()
    {
        Assert.Equal(OperatingSystem.IsLinux(), ThreadCpuTime.IsThreadClock);
    }

    [Fact]
    public void A_sleeping_thread_uses_almost_no_CPU_time()
    {
        if (!ThreadCpuTime.IsThreadClock)
            return; // the wall-clock fallback measures the sleep itself: nothing to check here
        var used = ThreadCpuTime.Of(() => Thread.Sleep(100));
        Assert.True(used < TimeSpan.FromMilliseconds(20), $"sleeping 100 ms used {used.TotalMilliseconds:F1} ms of CPU time");
    }

    [Fact]
    public void A_computing_thread_uses_CPU_time_and_never_more_than_the_wall_time()
    {
        var wall = Stopwatch.StartNew();
        var used = ThreadCpuTime.Of(() =>
        {
            var spin = Stopwatch.StartNew();
            while (spin.Elapsed < TimeSpan.FromMilliseconds(30))
                Thread.SpinWait(100);
        });
        wall.Stop();
        Assert.True(used > TimeSpan.Zero, "a spinning thread used no CPU time");
        Assert.True(used <= wall.Elapsed + TimeSpan.FromMilliseconds(1), $"{used.TotalMilliseconds:F1} ms of CPU time in {wall.Elapsed.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public async Task Measure_CpuTime_leaves_out_the_CPU_time_of_the_process_s_other_threads()
    {
        if (!ThreadCpuTime.IsThreadClock)
            return; // the wall-clock fallback cannot tell threads apart
        using var stop = new CancellationTokenSource();
        var spinning = new TaskCompletionSource();
        var spinner = Task.Factory.StartNew(() =>
        {
            spinning.SetResult();
            while (!stop.IsCancellationRequested)
                Thread.SpinWait(100);
        }, TaskCreationOptions.LongRunning);
        await spinning.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var process = Environment.CpuUsage.TotalTime;
        var used = Measure.CpuTime(() => Thread.Sleep(100));
        var processUsed = Environment.CpuUsage.TotalTime - process;
        await stop.CancelAsync();
        await spinner.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(used < TimeSpan.FromMilliseconds(20), $"sleeping 100 ms beside a spinning thread measured {used.TotalMilliseconds:F1} ms of CPU time");
        Assert.True(processUsed > used + TimeSpan.FromMilliseconds(20), $"the spinner used only {processUsed.TotalMilliseconds:F1} ms of the process's CPU time: the test proves nothing");
    }

    [Fact]
    public void Measure_CpuTime_rejects_a_null_action()
    {
        Assert.Throws<ArgumentNullException>(() => Measure.CpuTime(null!));
    }
}
