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
    public void A_line_without_a_colon_is_unreadable() =>
        Assert.Equal(KeyFigureVerdict.Unreadable, KeyFigure.Parse(1, "📌 speed-up 4.9x").Verdict);
}
