using System.Diagnostics;

namespace Tutorial.Lab;

/// <summary>CPU-bound work: generate a grey image and blur it; the job holds a core the whole time.</summary>
internal sealed class CpuWorkload : ImageWorkload
{
    /// <summary>Creates the workload.</summary>
    /// <param name="size">Width and height of each image in pixels (8 to 4096).</param>
    /// <param name="passes">How many blur passes each job does (at least 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    public CpuWorkload(int size = 256, int passes = 1)
    {
        SyntheticImage.ValidateSize(size);
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        Size = size;
        Passes = passes;
    }

    /// <summary>Width and height of each image.</summary>
    public int Size { get; }

    /// <summary>Blur passes per job.</summary>
    public int Passes { get; }


    /// <inheritdoc />
    public override string Description => $"cpu {Size}×{Size}, {Passes} pass{(Passes == 1 ? "" : "es")}";

    /// <inheritdoc />
    /// <remarks>Runs synchronously on the calling thread; checks the token between passes.</remarks>
    public override ValueTask<ProcessedImage> ProcessAsync(int imageId, CancellationToken cancellationToken = default)
    {
        try
        {
            return ValueTask.FromResult(new ProcessedImage(imageId, Process(imageId, cancellationToken)));
        }
        catch (OperationCanceledException e) when (e.CancellationToken == cancellationToken)
        {
            // Like every async method: cancellation is reported through the returned task, not thrown from the call.
            return ValueTask.FromCanceled<ProcessedImage>(cancellationToken);
        }
    }

    /// <summary>Does the pixel work for one image and returns its checksum.</summary>
    /// <param name="imageId">Which image.</param>
    /// <param name="cancellationToken">Checked between passes.</param>
    /// <returns>The checksum of the processed pixels: the same for the same id, size and passes.</returns>
    public ulong Process(int imageId, CancellationToken cancellationToken = default)
    {
        var current = SyntheticImage.Generate(imageId, Size);
        var next = new byte[current.Length];
        for (var pass = 0; pass < Passes; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SyntheticImage.BoxBlur(current, Size, next);
            (current, next) = (next, current);
        }
        return SyntheticImage.Checksum(current);
    }

    // Picks the passes that make one job compute for about `target` on this machine.
    internal static CpuWorkload Calibrate(TimeSpan target, int size)
    {
        if (target < TimeSpan.FromMilliseconds(1) || target > TimeSpan.FromSeconds(10))
            throw new ArgumentOutOfRangeException(nameof(target), target, "A calibrated job must take between 1 ms and 10 s.");
        var probe = new CpuWorkload(size, 4);
        probe.Process(0); // JIT and caches first, so the measurement is of steady-state speed.
        // Measured in the thread's CPU time: other programs on the cores then do not shrink the job (on a busy machine a
        // wall-clock calibration counted their time as ours and chose too few passes).
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var run = i + 1;
            var elapsed = ThreadCpuTime.Of(() => probe.Process(run));
            if (elapsed < best)
                best = elapsed;
        }
        var perPass = best / probe.Passes;
        return new CpuWorkload(size, Math.Max(1, (int)Math.Round(target / perPass)));
    }
}
