using System.Diagnostics;

using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Workloads;

[Collection(TimingCollection.Name)]
public class CpuCalibrationTests
{
    [Fact]
    public void CpuCalibrated_takes_roughly_the_target_time()
    {
        var target = TimeSpan.FromMilliseconds(20);
        var fastestRuns = new List<TimeSpan>();

        // Calibration and check both time CPU work on the wall clock, so a burst of outside load during either one
        // skews the result (with the 2 cores at load 13, a 20 ms job was measured at over 80 ms). Up to 3 attempts;
        // one must land in the deliberately loose range.
        for (var attempt = 0; attempt < 3 && !fastestRuns.Any(f => IsNear(f, target)); attempt++)
        {
            var workload = Assert.IsType<CpuWorkload>(ImageWorkload.CpuCalibrated(target, 64));
            Assert.Equal(64, workload.Size);
            Assert.True(workload.Passes >= 1);

            // The calibration keeps its fastest probe, so compare with the fastest run: both are the uncontended speed.
            // In the thread's CPU time, like the calibration: computing time, whatever else runs on the cores.
            var fastest = TimeSpan.MaxValue;
            for (var i = 0; i < 5; i++)
            {
                var image = i;
                var elapsed = ThreadCpuTime.Of(() => workload.Process(image));
                if (elapsed < fastest)
                    fastest = elapsed;
            }
            fastestRuns.Add(fastest);
        }

        Assert.True(fastestRuns.Any(f => IsNear(f, target)),
            $"fastest runs {string.Join(", ", fastestRuns.Select(f => f.TotalMilliseconds.ToString("F1")))} ms for a {target.TotalMilliseconds} ms target");
    }

    private static bool IsNear(TimeSpan measured, TimeSpan target) => measured >= target / 4 && measured <= target * 4;
}
