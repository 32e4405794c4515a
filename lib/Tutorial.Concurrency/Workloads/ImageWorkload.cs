namespace Tutorial.Concurrency.Workloads;

/// <summary>
/// The lessons' stand-in for "process an image": one small abstraction over three kinds of work, so the same pattern can be
/// measured with latency-like, blocking and CPU-bound jobs.
/// </summary>
public abstract class ImageWorkload
{
    /// <summary>What the job spends its time on.</summary>
    public abstract WorkloadKind Kind { get; }

    /// <summary>A short description for tables and chart legends, e.g. <c>latency 50 ms</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Processes image <paramref name="imageId"/>.</summary>
    /// <param name="imageId">Which image.</param>
    /// <param name="cancellationToken">Stops the job early where the kind of work allows it.</param>
    /// <returns>The processed image.</returns>
    public abstract ValueTask<ProcessedImage> ProcessAsync(int imageId, CancellationToken cancellationToken = default);

    /// <summary>A job that waits <paramref name="duration"/> without holding a thread, precisely (see <see cref="PreciseDelay"/>).</summary>
    /// <param name="duration">How long each job takes.</param>
    /// <returns>The workload.</returns>
    public static ImageWorkload Latency(TimeSpan duration) => new LatencyWorkload(duration);

    /// <summary>A job that holds its thread for <paramref name="duration"/> with <see cref="Thread.Sleep(TimeSpan)"/>.</summary>
    /// <param name="duration">How long each job takes.</param>
    /// <returns>The workload.</returns>
    public static ImageWorkload Blocking(TimeSpan duration) => new BlockingWorkload(duration);

    /// <summary>A job that really filters a generated <paramref name="size"/> × <paramref name="size"/> image, <paramref name="passes"/> times.</summary>
    /// <param name="size">The image's width and height in pixels (8 to 4096).</param>
    /// <param name="passes">How many blur passes (at least 1): the knob for how long a job takes.</param>
    /// <returns>The workload.</returns>
    public static ImageWorkload Cpu(int size = 256, int passes = 1) => new CpuWorkload(size, passes);

    /// <summary>A CPU-bound job sized so that one job takes about <paramref name="target"/> on this machine, measured now.</summary>
    /// <param name="target">The wanted duration of one job (1 ms to 10 s).</param>
    /// <param name="size">The image's width and height in pixels.</param>
    /// <returns>The calibrated workload.</returns>
    public static ImageWorkload CpuCalibrated(TimeSpan target, int size = 256) => CpuWorkload.Calibrate(target, size);
}
