
using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Measurement;

public class ModelTests
{
    [Fact]
    public void About_is_the_expected_value_plus_or_minus_a_relative_tolerance()
    {
        var model = Model.About(150, "ms", "3 × 50 ms", tolerance: 0.10);

        Assert.Equal(135, model.Low);
        Assert.Equal(165, model.High); // 150 × 0.1 is 15.000000000000002 in binary; the bound is kept as printed
        Assert.Equal("ms", model.Unit);
        Assert.Equal("3 × 50 ms, expect 135–165 ms", model.ToString());
    }

    [Fact]
    public void About_never_demands_less_slack_than_its_floor()
    {
        Assert.Equal("d, expect 1–3 ms", Model.About(2, "ms", "d", tolerance: 0.10, floor: 1).ToString());
        Assert.Equal("d, expect 90–110 ms", Model.About(100, "ms", "d", tolerance: 0.10, floor: 1).ToString());
        Assert.Equal("d, expect = 5", Model.About(5, "", "d", tolerance: 0).ToString());
    }

    [Fact]
    public void TimeSpan_models_are_in_milliseconds()
    {
        Assert.Equal("d, expect 45–55 ms", Model.About(TimeSpan.FromMilliseconds(50), "d", 0.10).ToString());
        Assert.Equal("d, expect 40–60 ms", Model.About(TimeSpan.FromMilliseconds(50), "d", 0.10, TimeSpan.FromMilliseconds(10)).ToString());
        Assert.Equal("d, expect 1–2.5 ms", Model.Between(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2.5), "d").ToString());
        Assert.Equal("d, expect ≤ 5 ms", Model.AtMost(TimeSpan.FromMilliseconds(5), "d").ToString());
        Assert.Equal("d, expect ≥ 50 ms", Model.AtLeast(TimeSpan.FromMilliseconds(50), "d").ToString());
    }

    [Fact]
    public void Relations_print_their_range_form()
    {
        Assert.Equal("d, expect 880–920 of 1000", Model.Between(880, 920, "of 1000", "d").ToString());
        Assert.Equal("d, expect ≤ 200 bytes", Model.AtMost(200, "bytes", "d").ToString());
        Assert.Equal("d, expect ≥ 1.5 x", Model.AtLeast(1.5, "x", "d").ToString());
        Assert.Equal("d, expect = 3 of 3", Model.Exactly(3, "of 3", "d").ToString());
    }

    [Theory]
    [InlineData(134.9, false)]
    [InlineData(134.96, true)] // printed as 135.0
    [InlineData(150, true)]
    [InlineData(165.04, true)] // printed as 165.0
    [InlineData(165.06, false)] // printed as 165.1
    public void Contains_judges_the_value_as_it_is_printed(double value, bool inside)
    {
        Assert.Equal(inside, Model.About(150, "ms", "d", 0.10).Contains(value));
    }

    [Fact]
    public void Bad_models_are_refused_with_a_message_that_says_what_is_wrong()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.About(1, "ms", "d", tolerance: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.About(1, "ms", "d", tolerance: 0.1, floor: -1));
        Assert.Contains("cannot be above", Assert.Throws<ArgumentException>(() => Model.Between(2, 1, "ms", "d")).Message);
        Assert.Throws<ArgumentException>(() => Model.AtMost(1, "ms", " "));
        Assert.Throws<ArgumentException>(() => Model.AtMost(1, "ms · x", "d"));
        Assert.Throws<ArgumentException>(() => Model.AtMost(1, "ms", "a · b"));
        Assert.Throws<ArgumentException>(() => Model.AtMost(1, " ms", "d"));
        Assert.Throws<ArgumentException>(() => Model.AtMost(double.NaN, "ms", "d"));
        Assert.Throws<ArgumentNullException>(() => Model.AtMost(1, null!, "d"));
    }
}
