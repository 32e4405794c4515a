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

    [Theory]
    [InlineData("📌 x: 1 ms", true)]
    [InlineData("  📌 x: 1 ms", true)]
    [InlineData("📌x: 1 ms", true)] // found, so that it is reported as unreadable rather than silently dropped
    [InlineData("x: 1 ms 📌", false)]
    [InlineData("", false)]
    public void A_line_is_a_key_figure_line_when_it_starts_with_the_libraries_marker(string line, bool expected) =>
        Assert.Equal(expected, KeyFigure.IsKeyFigureLine(line));

    [Fact]
    public void A_cells_key_figures_are_the_marked_lines_of_its_output_and_a_misformatted_one_is_unreadable()
    {
        var cell = new Tutorial.Notebooks.Documents.NotebookCell(2, Tutorial.Notebooks.Documents.CellKind.Code, "csharp", "");
        var result = new CellResult(cell, CellStatus.Passed, TimeSpan.Zero,
            [CellOutput.FromText(OutputKind.StandardOutput, "hello\n  📌 one: 1 ms\n📌two 2\nnot 📌 this\n")]);

        Assert.Equal(["📌 one: 1 ms", "📌two 2"], result.KeyFigureLines);
        Assert.Equal([KeyFigureVerdict.NoModel, KeyFigureVerdict.Unreadable], result.KeyFigures.Select(k => k.Verdict));
    }
}
