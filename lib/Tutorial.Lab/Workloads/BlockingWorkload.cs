namespace Tutorial.Lab;

/// <summary>Blocking work: the job holds its thread while it waits, as synchronous I/O does. Shows thread-pool starvation.</summary>
internal sealed class BlockingWorkload : ImageWorkload
{
    /// <summary>Creates the workload.</summary>
    /// <param name="duration">How long each job blocks (zero or more).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public BlockingWorkload(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        Duration = duration;
    }

    /// <summary>How long each job blocks.</summary>
    public TimeSpan Duration { get; }


    /// <inheritdoc />
    public override string Description => $"blocking {Duration.TotalMilliseconds:0.#} ms";

    /// <inheritdoc />
    /// <remarks>Deliberately synchronous: it returns an already-completed task after blocking the calling thread.</remarks>
    public override ValueTask<ProcessedImage> ProcessAsync(int imageId, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
            return ValueTask.FromCanceled<ProcessedImage>(cancellationToken);
        Thread.Sleep(Duration);
        return ValueTask.FromResult(new ProcessedImage(imageId));
    }
}
