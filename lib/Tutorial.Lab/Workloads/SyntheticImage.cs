namespace Tutorial.Lab;

/// <summary>Deterministic in-memory images and the pixel work the CPU-bound lessons measure; no files, no randomness between runs.</summary>
internal static class SyntheticImage
{
    /// <summary>Generates image <paramref name="imageId"/>: <paramref name="size"/> × <paramref name="size"/> grey pixels (1 byte each), the same bytes for the same id every time.</summary>
    /// <param name="imageId">Seeds the pixels.</param>
    /// <param name="size">Width and height in pixels (8 to 4096).</param>
    /// <returns>The pixels, row by row.</returns>
    public static byte[] Generate(int imageId, int size)
    {
        ValidateSize(size);
        var pixels = new byte[size * size];
        // xorshift32: cheap, deterministic, and never stuck at zero because the seed is forced odd.
        var state = (uint)imageId * 2654435761u | 1u;
        for (var i = 0; i < pixels.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            pixels[i] = (byte)state;
        }
        return pixels;
    }

    /// <summary>One 3 × 3 box-blur pass over a square grey image; edge pixels average their in-image neighbours.</summary>
    /// <param name="source">The grey pixels.</param>
    /// <param name="size">Width and height.</param>
    /// <param name="target">Where the blurred pixels go (same length as <paramref name="source"/>).</param>
    public static void BoxBlur(ReadOnlySpan<byte> source, int size, Span<byte> target)
    {
        ValidateSize(size);
        if (source.Length != size * size || target.Length != source.Length)
            throw new ArgumentException($"A {size} × {size} image has {size * size} pixels; got {source.Length} in and {target.Length} out.");
        for (var y = 0; y < size; y++)
        {
            var y0 = Math.Max(0, y - 1);
            var y1 = Math.Min(size - 1, y + 1);
            for (var x = 0; x < size; x++)
            {
                var x0 = Math.Max(0, x - 1);
                var x1 = Math.Min(size - 1, x + 1);
                int sum = 0, count = 0;
                for (var yy = y0; yy <= y1; yy++)
                {
                    for (var xx = x0; xx <= x1; xx++)
                    {
                        sum += source[yy * size + xx];
                        count++;
                    }
                }
                target[y * size + x] = (byte)(sum / count);
            }
        }
    }

    /// <summary>FNV-1a 64-bit hash of the pixels: a checksum that proves two runs produced the same image.</summary>
    /// <param name="pixels">The pixels.</param>
    /// <returns>The checksum.</returns>
    public static ulong Checksum(ReadOnlySpan<byte> pixels)
    {
        var hash = 14695981039346656037ul;
        foreach (var b in pixels)
        {
            hash ^= b;
            hash *= 1099511628211ul;
        }
        return hash;
    }

    internal static void ValidateSize(int size)
    {
        if (size is < 8 or > 4096)
            throw new ArgumentOutOfRangeException(nameof(size), size, "An image's size must be between 8 and 4096 pixels.");
    }
}
