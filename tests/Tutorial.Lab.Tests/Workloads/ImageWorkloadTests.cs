using System.Diagnostics;

using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Workloads;

public class ImageWorkloadTests
{
    [Fact]
    public void Factories_build_each_kind_of_workload()
    {
        var latency = Assert.IsType<LatencyWorkload>(ImageWorkload.Latency(TimeSpan.FromMilliseconds(50)));
        var blocking = Assert.IsType<BlockingWorkload>(ImageWorkload.Blocking(TimeSpan.FromMilliseconds(2.5)));
        var cpu = new CpuWorkload(64, 2);

        Assert.Equal("latency 50 ms", latency.Description);
        Assert.Equal("blocking 2.5 ms", blocking.Description);
        Assert.Equal("cpu 64×64, 2 passes", cpu.Description);
        Assert.Equal("cpu 256×256, 1 pass", new CpuWorkload().Description);
        Assert.Equal(TimeSpan.FromMilliseconds(50), latency.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(2.5), blocking.Duration);
        Assert.Equal((64, 2), (cpu.Size, cpu.Passes));
    }

    [Fact]
    public void Negative_durations_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageWorkload.Latency(TimeSpan.FromMilliseconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageWorkload.Blocking(TimeSpan.FromMilliseconds(-1)));
    }

    [Fact]
    public async Task Latency_job_waits_at_least_its_duration_without_blocking_the_caller()
    {
        var workload = ImageWorkload.Latency(TimeSpan.FromMilliseconds(20));
        var start = Stopwatch.GetTimestamp();

        var job = workload.ProcessAsync(3);
        Assert.False(job.IsCompleted); // returned before the wait was over: no thread held
        var image = await job.Within();

        Assert.True(Stopwatch.GetElapsedTime(start) >= TimeSpan.FromMilliseconds(20));
        Assert.Equal(new ProcessedImage(3), image);
    }

    [Fact]
    public async Task Latency_job_honours_cancellation()
    {
        using var cts = new CancellationTokenSource();
        var job = ImageWorkload.Latency(TimeSpan.FromSeconds(30)).ProcessAsync(1, cts.Token).AsTask();

        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.Within());
    }

    [Fact]
    public async Task Blocking_job_holds_the_calling_thread_for_its_duration()
    {
        var workload = ImageWorkload.Blocking(TimeSpan.FromMilliseconds(20));
        var start = Stopwatch.GetTimestamp();

        var job = workload.ProcessAsync(4);

        Assert.True(job.IsCompletedSuccessfully); // already done when the call returns: the thread was held
        Assert.True(Stopwatch.GetElapsedTime(start) >= TimeSpan.FromMilliseconds(20));
        Assert.Equal(new ProcessedImage(4), await job);
    }

    [Fact]
    public void Blocking_job_with_a_cancelled_token_is_cancelled_without_blocking()
    {
        var start = Stopwatch.GetTimestamp();

        // Cancellation is reported through the returned task, as with every async method, and nothing blocks.
        var job = ImageWorkload.Blocking(TimeSpan.FromSeconds(30)).ProcessAsync(1, new CancellationToken(canceled: true));
        Assert.True(job.IsCanceled);
        Assert.True(Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cpu_checksum_is_the_same_every_run_and_differs_between_images()
    {
        var workload = new CpuWorkload(64, 2);

        var first = workload.Process(5);
        var again = new CpuWorkload(64, 2).Process(5);
        var other = workload.Process(6);
        var viaJob = await workload.ProcessAsync(5).Within();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.NotEqual(0ul, first);
        Assert.Equal(new ProcessedImage(5, first), viaJob);
        Assert.NotEqual(first, new CpuWorkload(64, 3).Process(5)); // passes change the output
    }

    [Theory]
    [InlineData(7)]
    [InlineData(4097)]
    [InlineData(-1)]
    public void Cpu_rejects_image_sizes_outside_8_to_4096(int size)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CpuWorkload(size));

        Assert.Equal("size", error.ParamName);
        Assert.Contains("between 8 and 4096", error.Message);
    }

    [Fact]
    public void Cpu_rejects_fewer_than_one_pass()
    {
        Assert.Equal("passes", Assert.Throws<ArgumentOutOfRangeException>(() => new CpuWorkload(64, 0)).ParamName);
    }

    [Fact]
    public void CpuCalibrated_rejects_image_sizes_outside_8_to_4096()
    {
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => ImageWorkload.CpuCalibrated(TimeSpan.FromMilliseconds(5), 4)).ParamName);
    }

    [Fact]
    public void Cpu_job_checks_the_token_between_passes()
    {
        Assert.ThrowsAny<OperationCanceledException>(() => new CpuWorkload(8, 1).Process(1, new CancellationToken(canceled: true)));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(10_001)]
    public void CpuCalibrated_rejects_targets_outside_1_ms_to_10_s(double milliseconds)
    {
        Assert.Equal("target", Assert.Throws<ArgumentOutOfRangeException>(() => ImageWorkload.CpuCalibrated(TimeSpan.FromMilliseconds(milliseconds))).ParamName);
    }

    [Fact]
    public void ProcessedImage_names_the_file_and_shows_a_checksum_only_for_real_work()
    {
        Assert.Equal("image3.png", new ProcessedImage(3).Name);
        Assert.Equal("image3.png processed", new ProcessedImage(3).ToString());
        Assert.Equal("image3.png processed (checksum 00000000000000ff)", new ProcessedImage(3, 255).ToString());
    }

    [Fact]
    public void Cpu_workload_reports_cancellation_through_its_task()
    {
        var job = new CpuWorkload(64, 1).ProcessAsync(1, new CancellationToken(canceled: true));
        Assert.True(job.IsCanceled);
    }
}
