using System.Globalization;
using Spectre.Console;
using Tutorial.Notebooks.Execution;
using Tutorial.Notebooks.Lessons;

namespace Tutorial.Notebooks.Cli;

/// <summary>The end-of-run summary: a table of lessons, a table of key figures with their models and verdicts, one line
/// per failed lesson, and a total line.</summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<NotebookRun> runs, IReadOnlyList<InvalidLesson> invalid)
    {
        var lessons = new Table().Border(TableBorder.Simple)
            .AddColumn("lesson")
            .AddColumn(new TableColumn("cells").RightAligned())
            .AddColumn(new TableColumn("passed").RightAligned())
            .AddColumn(new TableColumn("failed").RightAligned())
            .AddColumn(new TableColumn("seconds").RightAligned())
            .AddColumn("result");
        foreach (var run in runs)
        {
            lessons.AddRow(
                new Text(run.Notebook.Name),
                new Text(Number(run.CodeCells.Count())),
                new Text(Number(run.PassedCount)),
                new Text(Number(run.FailedCount)),
                new Text(run.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)),
                run.Succeeded ? new Markup("[green]passed[/]") : new Markup($"[red]{Markup.Escape(run.FailureSummary ?? "failed")}[/]"));
        }

        foreach (var lesson in invalid)
        {
            lessons.AddRow(new Text(lesson.Name), new Text("-"), new Text("-"), new Text("-"), new Text("-"), new Markup("[red]not run: invalid notebook[/]"));
        }

        console.Write(lessons);

        var figures = runs.SelectMany(r => r.KeyFigures.Select(k => (Run: r, Figure: k))).ToList();
        if (figures.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("lesson")
                .AddColumn(new TableColumn("cell").RightAligned())
                .AddColumn("key figure")
                .AddColumn(new TableColumn("value").RightAligned())
                .AddColumn("model, expected")
                .AddColumn("verdict");
            foreach (var (run, figure) in figures)
            {
                table.AddRow(
                    new Text(run.Notebook.Name),
                    new Text(Number(figure.CellNumber)),
                    new Text(figure.Label),
                    new Text(figure.Value),
                    new Text(figure.HasModel ? $"{figure.Model}, expect {figure.RangeText}" : ""),
                    Verdict(figure));
            }

            console.Write(table);
        }

        var failed = runs.Where(r => !r.Succeeded).ToList();
        var cells = runs.Sum(r => r.PassedCount + r.FailedCount);
        var lessonCount = runs.Count + invalid.Count;
        var modelled = figures.Count(f => f.Figure.HasModel);
        var agreeing = figures.Count(f => f.Figure.Verdict == KeyFigureVerdict.Agrees);
        var figureCounts = modelled == 0 ? $"{figures.Count} key figures, none with a model" : $"{figures.Count} key figures, {agreeing} of {modelled} with a model agree";
        console.WriteLine();
        console.WriteLine(failed.Count + invalid.Count == 0
            ? $"{lessonCount} lessons, {cells} cells: all passed; {figureCounts}"
            : $"{lessonCount} lessons, {cells} cells: {failed.Count + invalid.Count} lesson(s) failed; {figureCounts}");
        foreach (var run in failed)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {run.Notebook.Name}, {run.FailureSummary}");
        }

        foreach (var lesson in invalid)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {lesson.Problem}");
        }
    }

    private static Markup Verdict(KeyFigure figure)
    {
        var colour = figure.Verdict switch
        {
            KeyFigureVerdict.Agrees => "green",
            KeyFigureVerdict.Busy => "yellow",
            KeyFigureVerdict.Outside or KeyFigureVerdict.Unreadable => "red",
            _ => "grey",
        };
        var text = figure.Reason is { } reason ? $"{figure.VerdictText}: {reason}" : figure.VerdictText;
        return new Markup($"[{colour}]{Markup.Escape(text)}[/]");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
