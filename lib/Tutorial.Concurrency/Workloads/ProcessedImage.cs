namespace Tutorial.Concurrency.Workloads;

/// <summary>What an image job returns: which image, and a checksum of its output (so CPU work cannot be optimised away).</summary>
/// <param name="ImageId">The image's id.</param>
/// <param name="Kind">The kind of work done.</param>
/// <param name="Checksum">A deterministic checksum of the processed pixels (0 for simulated work).</param>
public sealed record ProcessedImage(int ImageId, WorkloadKind Kind, ulong Checksum)
{
    /// <summary>The image's file name, as the Go article names them.</summary>
    public string Name => $"image{ImageId}.png";

    /// <summary>A one-line description.</summary>
    /// <returns>For example <c>image3.png processed</c>.</returns>
    public override string ToString() => Checksum == 0 ? $"{Name} processed" : $"{Name} processed (checksum {Checksum:x16})";
}
