namespace Tutorial.Lab;

/// <summary>
/// The lessons' stand-in for "process an image": one abstraction over three kinds of work, so the same pattern can be
/// measured with jobs that wait, block or compute.
/// </summary>
public abstract class ImageWorkload
{
    // Only the kinds below exist: the lessons compare exactly these three.
    private protected ImageWorkload()
    {
    }

    /// <summary>A short description for tables and chart legends, e.g. <c>latency 50 ms</c> or <c>cpu 256×256, 12 passes</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Processes image <paramref name="imageId"/>.</summary>
    /// <param name="imageId">Which image.</param>
    /// <param name="cancellationToken">Stops the job early where the kind of work allows it.</param>
    /// <returns>The processed image.</returns>
    public abstract ValueTask<ProcessedImage> ProcessAsync(int imageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A job that waits <paramref name="duration"/> without holding a thread, like a call to another service
    /// (Go: a goroutine parked on the network). It waits with <see cref="PreciseDelay"/>, so it ends on time.
    /// </summary>
    /// <param name="duration">How long each job takes (zero or more).</param>
    /// <returns>The workload.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public static ImageWorkload Latency(TimeSpan duration) => new LatencyWorkload(duration);

    /// <summary>
    /// A job that holds its thread for <paramref name="duration"/> with <see cref="Thread.Sleep(TimeSpan)"/>, like a synchronous
    /// driver call: many of them at once starve the thread pool. Its task is already complete when <c>ProcessAsync</c> returns.
    /// </summary>
    /// <param name="duration">How long each job takes (zero or more).</param>
    /// <returns>The workload.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public static ImageWorkload Blocking(TimeSpan duration) => new BlockingWorkload(duration);

    /// <summary>
    /// A CPU-bound job that really blurs a generated <paramref name="size"/> × <paramref name="size"/> grey image, with as many
    /// passes as make one job take about <paramref name="target"/> on this machine, measured now. It holds a core the whole time.
    /// </summary>
    /// <param name="target">The wanted duration of one job (1 ms to 10 s).</param>
    /// <param name="size">The image's width and height in pixels (8 to 4096).</param>
    /// <returns>The calibrated workload.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> or <paramref name="size"/> is out of range.</exception>
    public static ImageWorkload CpuCalibrated(TimeSpan target, int size = 256) => CpuWorkload.Calibrate(target, size);
}
