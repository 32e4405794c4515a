using System.Diagnostics;
using Tutorial.Concurrency.Workloads;

namespace Tutorial.Concurrency.Tests.Workloads;

[Collection(TimingCollection.Name)]
public class CpuCalibrationTests
{
    [Fact]
    public void CpuCalibrated_takes_roughly_the_target_time()
    {
        var target = TimeSpan.FromMilliseconds(20);
        var workload = Assert.IsType<CpuWorkload>(ImageWorkload.CpuCalibrated(target, 64));
        Assert.Equal(64, workload.Size);

        var runs = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            workload.Process(i);
            runs.Add(Stopwatch.GetElapsedTime(start));
        }

        // The calibration keeps its fastest probe, so compare with the fastest run: both are then the machine's
        // uncontended speed. Deliberately loose all the same, since other processes share the 2 cores.
        var fastest = runs.Min();
        Assert.InRange(fastest.TotalMilliseconds, target.TotalMilliseconds / 4, target.TotalMilliseconds * 4);
    }
}
