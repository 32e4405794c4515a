using Tutorial.Notebooks.Execution;

namespace Tutorial.Notebooks.Tests.Engine;

public sealed class KeyFigureTests
{
    [Fact]
    public void A_fact_splits_label_and_value_and_has_no_model()
    {
        var figure = KeyFigure.Parse(4, "📌 20 jobs / 5 workers: 201.3 ms (ideal 200 ms)");

        Assert.Equal(4, figure.CellNumber);
        Assert.Equal("20 jobs / 5 workers", figure.Label);
        Assert.Equal("201.3 ms (ideal 200 ms)", figure.Value);
        Assert.Equal(201.3, figure.Number);
        Assert.Equal(KeyFigureVerdict.NoModel, figure.Verdict);
        Assert.False(figure.HasModel);
    }

    [Fact]
    public void A_modelled_figure_carries_its_model_range_and_verdict()
    {
        var figure = KeyFigure.Parse(9, "📌 sequential, 3 x 50 ms: 150.4 ms · model: 3 × 50 ms, expect 135–165 ms · ❌ outside: the machine was quiet; rerun the cell");

        Assert.Equal(("sequential, 3 x 50 ms", "150.4 ms", 150.4, "ms"), (figure.Label, figure.Value, figure.Number, figure.Unit));
        Assert.Equal(("3 × 50 ms", 135.0, 165.0, "135–165 ms"), (figure.Model, figure.Low, figure.High, figure.RangeText));
        Assert.Equal((KeyFigureVerdict.Outside, "the machine was quiet; rerun the cell"), (figure.Verdict, figure.Reason));
    }

    [Theory]
    [InlineData("📌 speed-up 4.9x")]
    [InlineData("📌 x: 1 ms · model: 1 ms, expect 0–2 ms")]
    [InlineData("📌 x: fast · model: 1 ms, expect 0–2 ms · ✅ agrees")]
    public void A_line_that_breaks_the_format_is_unreadable(string line) =>
        Assert.Equal(KeyFigureVerdict.Unreadable, KeyFigure.Parse(1, line).Verdict);

    [Fact]
    public void A_line_without_a_colon_is_unreadable() =>
        Assert.Equal(KeyFigureVerdict.Unreadable, KeyFigure.Parse(1, "📌 speed-up 4.9x").Verdict);
}
