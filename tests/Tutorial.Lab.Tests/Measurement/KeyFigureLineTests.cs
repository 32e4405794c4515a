using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;
using Mark = Tutorial.Lab.KeyFigureLine.VerdictMark;

namespace Tutorial.Lab.Tests.Measurement;

public class KeyFigureLineTests
{
    [Fact]
    public void The_guide_example_parses_into_its_parts()
    {
        const string line = "📌 sequential, 3 x 50 ms: 150.4 ms · model: 3 × 50 ms, expect 135–165 ms · ✅ agrees";

        Assert.True(KeyFigureLine.TryParse(line, out var figure));

        Assert.Equal(new KeyFigureLine("sequential, 3 x 50 ms", "150.4", 150.4, "ms", "3 × 50 ms", 135, 165, Mark.Agrees), figure);
        Assert.True(figure.IsModelled);
        Assert.Equal(line, figure.Format());
    }

    private static readonly KeyFigureLine[] Lines =
    [
        new KeyFigureLine("logical cores", "2", 2, ""),
        KeyFigureLine.Fact("speed-up, sequential / concurrent", "2.9x"),
        KeyFigureLine.Fact("fan-out of 1000 queries, refused", "900 of 1000"),
        new KeyFigureLine("sequential, 3 x 50 ms", "150.4", 150.4, "ms", "3 × 50 ms", 135, 165, Mark.Agrees),
        new KeyFigureLine("pool, 20 jobs, 5 workers", "245.1", 245.1, "ms", "ceil(20/5) × 50 ms, plus hand-over", 180, 220, Mark.Busy,
            "above the model: other processes used 1.7 of 2 cores while it ran; rerun the cell"),
        new KeyFigureLine("speed-up", "0.94", 0.94, "x", "3 jobs, 3 workers", 2.7, 3.3, Mark.Outside,
            "below the model on a quiet machine (other processes used 0.1 of 2 cores while it ran); unexpected: rerun the cell"),
        new KeyFigureLine("refused", "900", 900, "of 1000", "1000 - 100 connections", 880, null, Mark.Agrees),
        new KeyFigureLine("memory per task", "112", 112, "bytes", "one state machine, a few fields", null, 200, Mark.Agrees),
        new KeyFigureLine("results after waiting", "3", 3, "", "one per worker", 3, 3, Mark.Agrees),
        new KeyFigureLine("results after waiting", "3", 3, "of 3", "one per worker", 3, 3, Mark.Outside, "below the model; no load reading on this OS; rerun the cell"),
        new KeyFigureLine("drift", "-1.25", -1.25, "ms", "timers fire late, not early", -2, 2.5, Mark.Agrees),
    ];

    public static TheoryData<int> LineNumbers() => new(Enumerable.Range(0, Lines.Length));

    [Theory]
    [MemberData(nameof(LineNumbers))]
    public void Format_and_TryParse_round_trip(int number)
    {
        var figure = Lines[number];
        var text = figure.Format();

        Assert.StartsWith("📌 ", text, StringComparison.Ordinal);
        Assert.True(KeyFigureLine.TryParse(text, out var parsed), text);
        Assert.Equal(figure, parsed);
        Assert.True(KeyFigureLine.TryParse("   " + text + "\r", out var indented));
        Assert.Equal(figure, indented);
    }

    [Theory]
    [InlineData("📌 x: 1 ms · model: m, expect 1–2 ms · ✅ agrees", 1.0, 2.0)]
    [InlineData("📌 x: 1 ms · model: m, expect ≤ 2 ms · ✅ agrees", null, 2.0)]
    [InlineData("📌 x: 1 ms · model: m, expect ≥ 0.5 ms · ✅ agrees", 0.5, null)]
    [InlineData("📌 x: 1 ms · model: m, expect = 1 ms · ✅ agrees", 1.0, 1.0)]
    [InlineData("📌 x: 1 · model: m, expect = 1 · ✅ agrees", 1.0, 1.0)]
    public void Every_range_form_parses(string line, double? low, double? high)
    {
        Assert.True(KeyFigureLine.TryParse(line, out var figure));
        Assert.Equal(low, figure.Low);
        Assert.Equal(high, figure.High);
        Assert.Equal(line, figure.Format());
    }

    [Fact]
    public void The_three_verdict_marks_parse_including_the_warning_sign_without_its_variation_selector()
    {
        Assert.True(KeyFigureLine.TryParse("📌 a: 9 ms · model: m, expect ≤ 5 ms · ⚠️ busy: above the model: busy; rerun", out var busy));
        Assert.Equal(Mark.Busy, busy.Verdict);
        Assert.Equal("above the model: busy; rerun", busy.Reason);

        Assert.True(KeyFigureLine.TryParse("📌 a: 9 ms · model: m, expect ≤ 5 ms · ⚠ busy: why", out var bare));
        Assert.Equal(Mark.Busy, bare.Verdict);

        Assert.True(KeyFigureLine.TryParse("📌 a: 9 ms · model: m, expect ≤ 5 ms · ❌ outside: why", out var outside));
        Assert.Equal(Mark.Outside, outside.Verdict);
        Assert.Equal("why", outside.Reason);

        Assert.True(KeyFigureLine.TryParse("📌 a: 4 ms · model: m, expect ≤ 5 ms · ✅ agrees", out var agrees));
        Assert.Equal(Mark.Agrees, agrees.Verdict);
        Assert.Null(agrees.Reason);
    }

    [Fact]
    public void A_derivation_with_commas_and_a_reason_with_separators_parse()
    {
        const string line = "📌 a, b: 9 ms · model: ceil(20/5), 4 waves, expect 5–8 ms · ❌ outside: above · odd, expect more";

        Assert.True(KeyFigureLine.TryParse(line, out var figure));

        Assert.Equal("a, b", figure.Label);
        Assert.Equal("ceil(20/5), 4 waves", figure.Derivation);
        Assert.Equal("above · odd, expect more", figure.Reason);
    }

    [Fact]
    public void A_fact_splits_its_leading_number_from_the_rest()
    {
        Assert.True(KeyFigureLine.TryParse("📌 20 jobs / 5 workers: 201.3 ms (ideal 200 ms)", out var figure));

        Assert.False(figure.IsModelled);
        Assert.Equal("20 jobs / 5 workers", figure.Label);
        Assert.Equal("201.3 ms (ideal 200 ms)", figure.ValueText);
        Assert.Equal(201.3, figure.Number);
        Assert.Equal("ms (ideal 200 ms)", figure.Unit);
        Assert.Null(figure.Verdict);

        Assert.True(KeyFigureLine.TryParse("📌 runtime: .NET 10", out var text));
        Assert.Null(text.Number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sequential: 150 ms")] // no marker
    [InlineData("📌 no colon here")]
    [InlineData("📌 : 150 ms")] // empty label
    [InlineData("📌 label:150 ms")] // no space after the colon
    [InlineData("📌 label: ")]
    [InlineData("📌 label: fast · model: m, expect ≤ 5 ms · ✅ agrees")] // modelled value is not a number
    [InlineData("📌 label: 4ms · model: m, expect ≤ 5 ms · ✅ agrees")] // value and unit not separated as printed
    [InlineData("📌 label: 4 ms · model: m, expect ≤ 5 ms")] // no verdict
    [InlineData("📌 label: 4 ms · model: m, expect ≤ 5 ms · ✅ fine")] // unknown verdict text
    [InlineData("📌 label: 4 ms · model: m, expect ≤ 5 ms · ❌ outside: ")] // outside without a reason
    [InlineData("📌 label: 4 ms · model: m, expect ≤ 5 s · ✅ agrees")] // range in another unit
    [InlineData("📌 label: 4 ms · model: m, expect 6–5 ms · ✅ agrees")] // low above high
    [InlineData("📌 label: 4 ms · model: m, expect 1-5 ms · ✅ agrees")] // hyphen, not an en dash
    [InlineData("📌 label: 4 ms · model: m expect ≤ 5 ms · ✅ agrees")] // no ", expect "
    [InlineData("📌 label: 4 ms · model: , expect ≤ 5 ms · ✅ agrees")] // empty derivation
    [InlineData("📌 label: 4 ms · model: m, expect ≤ 1e3 ms · ✅ agrees")] // not an invariant plain number
    public void Malformed_lines_are_not_key_figures(string? line)
    {
        Assert.False(KeyFigureLine.TryParse(line, out _));
    }

    [Fact]
    public void Format_rejects_parts_that_would_break_the_line()
    {
        Assert.Throws<ArgumentException>(() => KeyFigureLine.Fact("a: b", "1").Format());
        Assert.Throws<ArgumentException>(() => KeyFigureLine.Fact("a · b", "1").Format());
        Assert.Throws<ArgumentException>(() => KeyFigureLine.Fact("a\nb", "1").Format());
        Assert.Throws<ArgumentException>(() => KeyFigureLine.Fact("a", "1\n2").Format());
        Assert.Throws<ArgumentException>(() => KeyFigureLine.Fact("a", "1 · model: x").Format());
        Assert.Throws<ArgumentException>(() => new KeyFigureLine("a", "1", 1, "ms", "m", 0, 2, Verdict: null).Format());
        Assert.Throws<ArgumentException>(() => new KeyFigureLine("a", "1", 1, "ms", "m", 0, 2, Mark.Busy).Format()); // no reason
        Assert.Throws<ArgumentException>(() => new KeyFigureLine("a", "1.5", 1, "ms", "m", 0, 2, Mark.Agrees).Format()); // text and number differ
        Assert.Throws<ArgumentException>(() => new KeyFigureLine("a", "1e0", 1, "ms", "m", 0, 2, Mark.Agrees).Format()); // not a plain number
        Assert.Throws<ArgumentException>(() => new KeyFigureLine("a", "1", 1, "ms", "m · n", 0, 2, Mark.Agrees).Format());
        Assert.Throws<InvalidOperationException>(() => new KeyFigureLine("a", "1", 1, "ms", "m", null, null, Mark.Agrees).Format());
    }

    [Theory]
    [InlineData(150.0, "150")]
    [InlineData(150.44, "150.4")]
    [InlineData(52.57, "52.6")]
    [InlineData(2.0714, "2.07")]
    [InlineData(0.1234, "0.123")]
    [InlineData(0.94, "0.94")]
    [InlineData(0.0001234, "0.000123")]
    [InlineData(-1.25, "-1.25")]
    [InlineData(-0.0, "0")]
    [InlineData(123456789.0, "123456789")]
    public void Numbers_print_in_invariant_culture_with_precision_by_size(double value, string expected)
    {
        Assert.Equal(expected, KeyFigureLine.FormatNumber(value));
    }

    [Theory]
    [InlineData(21.97, "22.0")]
    [InlineData(9.996, "10.00")]
    [InlineData(0.9996, "1.00")]
    public void A_value_that_rounds_to_an_integer_keeps_its_decimals_and_the_line_still_formats_and_parses(double value, string expected)
    {
        Assert.Equal(expected, KeyFigureLine.FormatNumber(value));

        var line = KeyFigure.Judge("x", value, Model.About(20, "ms", "d", 0.5), () => null);

        Assert.Equal(expected, line.ValueText);
        Assert.True(KeyFigureLine.TryParse(line.Format(), out var parsed));
        Assert.Equal(line, parsed);
    }

    [Fact]
    public void Numbers_print_the_same_under_a_comma_culture()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("150.4", KeyFigureLine.FormatNumber(150.44));
            Assert.Equal("📌 a: 150.4 ms · model: m, expect 135.5–165 ms · ✅ agrees",
                new KeyFigureLine("a", "150.4", 150.4, "ms", "m", 135.5, 165, Mark.Agrees).Format());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Non_finite_numbers_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => KeyFigureLine.FormatNumber(double.NaN));
        Assert.Throws<ArgumentException>(() => KeyFigureLine.FormatNumber(double.PositiveInfinity));
    }
}
