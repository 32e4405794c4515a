using System.Text;

using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Workloads;

public class SyntheticImageTests
{
    [Fact]
    public void Generate_is_deterministic_per_id_with_one_byte_per_pixel()
    {
        var a = SyntheticImage.Generate(1, 16);

        Assert.Equal(16 * 16, a.Length);
        Assert.Equal(a, SyntheticImage.Generate(1, 16));
        Assert.NotEqual(a, SyntheticImage.Generate(2, 16));
        Assert.True(a.Distinct().Count() > 100, "pixels should look like noise, not a constant");
    }

    [Fact]
    public void Generate_rejects_bad_sizes()
    {
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticImage.Generate(1, 4)).ParamName);
    }

    [Fact]
    public void BoxBlur_keeps_a_flat_image_flat_and_spreads_a_bright_pixel()
    {
        const int size = 8;
        var flat = Enumerable.Repeat((byte)100, size * size).ToArray();
        var target = new byte[size * size];
        SyntheticImage.BoxBlur(flat, size, target);
        Assert.All(target, p => Assert.Equal(100, p));

        var dot = new byte[size * size];
        dot[0] = 252; // a corner pixel: its blurred value averages the 4 in-image neighbours
        SyntheticImage.BoxBlur(dot, size, target);
        Assert.Equal(63, target[0]);
        Assert.Equal(42, target[1]);              // edge pixel: 6 neighbours
        Assert.Equal(28, target[size + 1]);       // interior pixel: 9 neighbours
        Assert.Equal(0, target[2]);
    }

    [Fact]
    public void BoxBlur_rejects_mismatched_buffers()
    {
        Assert.Throws<ArgumentException>(() => SyntheticImage.BoxBlur(new byte[64], 8, new byte[63]));
        Assert.Throws<ArgumentException>(() => SyntheticImage.BoxBlur(new byte[63], 8, new byte[63]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticImage.BoxBlur(new byte[9], 3, new byte[9]));
    }

    [Fact]
    public void Checksum_is_FNV1a_64()
    {
        Assert.Equal(0xcbf29ce484222325ul, SyntheticImage.Checksum([]));
        Assert.Equal(0xaf63dc4c8601ec8cul, SyntheticImage.Checksum(Encoding.ASCII.GetBytes("a")));
        Assert.Equal(0x85944171f73967e8ul, SyntheticImage.Checksum(Encoding.ASCII.GetBytes("foobar")));
    }
}
