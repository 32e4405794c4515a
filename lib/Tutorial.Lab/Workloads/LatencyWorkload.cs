namespace Tutorial.Lab;

/// <summary>Latency-like work: the job waits (as for a network call) without holding a thread.</summary>
internal sealed class LatencyWorkload : ImageWorkload
{
    /// <summary>Creates the workload.</summary>
    /// <param name="duration">How long each job takes (zero or more).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public LatencyWorkload(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        Duration = duration;
    }

    /// <summary>How long each job takes.</summary>
    public TimeSpan Duration { get; }


    /// <inheritdoc />
    public override string Description => $"latency {Duration.TotalMilliseconds:0.#} ms";

    /// <inheritdoc />
    public override async ValueTask<ProcessedImage> ProcessAsync(int imageId, CancellationToken cancellationToken = default)
    {
        await PreciseDelay.WaitAsync(Duration, cancellationToken);
        return new ProcessedImage(imageId);
    }
}
