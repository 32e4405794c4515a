using Tutorial.Notebooks.Execution;

namespace Tutorial.Notebooks.Tests.Engine;

public sealed class KeyFigureTests
{
    [Fact]
    public void Splits_label_and_value_at_the_last_equals_sign()
    {
        var figure = Assert.Single(KeyFigure.Parse(4, "noise\n📌 20 jobs / 5 workers: 201.3 ms (ideal 200 ms)\nmore"));

        Assert.Equal(4, figure.CellNumber);
        Assert.Equal("20 jobs / 5 workers", figure.Label);
        Assert.Equal("201.3 ms (ideal 200 ms)", figure.Value);
    }

    [Fact]
    public void Only_lines_that_start_with_the_marker_count()
    {
        var figures = KeyFigure.Parse(1, "the 📌 is here\n  📌 indented: 1 ms\r\n📌\n📌no space");

        Assert.Equal(["indented: 1 ms", "no space"], figures.Select(f => f.Text));
    }

    [Fact]
    public void A_line_without_a_colon_is_all_label() =>
        Assert.Equal(("speed-up 4.9x", ""), (KeyFigure.Parse(1, "📌 speed-up 4.9x").Single().Label, KeyFigure.Parse(1, "📌 speed-up 4.9x").Single().Value));
}
