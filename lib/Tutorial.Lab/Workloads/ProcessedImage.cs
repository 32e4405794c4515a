namespace Tutorial.Lab;

/// <summary>What an image job returns: which image, and a checksum of its output (so CPU work cannot be optimised away).</summary>
public sealed record ProcessedImage
{
    internal ProcessedImage(int imageId, ulong checksum = 0)
    {
        ImageId = imageId;
        Checksum = checksum;
    }

    /// <summary>The image's id.</summary>
    public int ImageId { get; }

    /// <summary>A deterministic checksum of the processed pixels: the same for the same image and work; 0 for simulated work.</summary>
    public ulong Checksum { get; }

    /// <summary>The image's file name, as the Go article names them.</summary>
    public string Name => $"image{ImageId}.png";

    /// <summary>A one-line description.</summary>
    /// <returns>For example <c>image3.png processed</c>.</returns>
    public override string ToString() => Checksum == 0 ? $"{Name} processed" : $"{Name} processed (checksum {Checksum:x16})";
}
