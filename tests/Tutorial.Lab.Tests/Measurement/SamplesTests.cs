
using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Measurement;

public class SamplesTests
{
    private static Samples Of(params double[] ms) => new(ms.Select(TimeSpan.FromMilliseconds));

    [Fact]
    public void Needs_at_least_one_value()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => new Samples([])).ParamName);
        Assert.Throws<ArgumentNullException>(() => new Samples(null!));
    }

    [Fact]
    public void Keeps_the_measured_order_and_knows_min_and_max()
    {
        var samples = Of(30, 10, 20);

        Assert.Equal(new[] { 30.0, 10, 20 }, samples.Values.Select(v => v.TotalMilliseconds));
        Assert.Equal(TimeSpan.FromMilliseconds(10), samples.Min);
        Assert.Equal(TimeSpan.FromMilliseconds(30), samples.Max);
    }

    [Fact]
    public void Median_is_the_middle_value_or_the_mean_of_the_middle_two()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(20), Of(30, 10, 20).Median);
        Assert.Equal(TimeSpan.FromMilliseconds(25), Of(40, 10, 30, 20).Median);
        Assert.Equal(TimeSpan.FromMilliseconds(7), Of(7).Median);
        Assert.Equal(TimeSpan.FromMilliseconds(50), Of(50, 50, 50, 1000).Median); // an outlier does not move it
    }

    [Fact]
    public void Percentile_interpolates_between_neighbours()
    {
        var samples = Of(10, 20, 30, 40, 50);

        Assert.Equal(TimeSpan.FromMilliseconds(10), samples.Percentile(0));
        Assert.Equal(TimeSpan.FromMilliseconds(50), samples.Percentile(100));
        Assert.Equal(TimeSpan.FromMilliseconds(20), samples.Percentile(25));
        Assert.Equal(TimeSpan.FromMilliseconds(46), samples.Percentile(90));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void Percentile_rejects_values_outside_0_to_100(double percent)
    {
        Assert.Equal("percent", Assert.Throws<ArgumentOutOfRangeException>(() => Of(1, 2).Percentile(percent)).ParamName);
    }

    [Fact]
    public void ToString_summarises()
    {
        Assert.Equal(FormattableString.CurrentCulture($"median {20.0:F1} ms (min {10.0:F1}, max {30.0:F1}, n=3)"), Of(30, 10, 20).ToString());
    }
}
