using System.Globalization;
using System.Text.RegularExpressions;
using Tutorial.Notebooks.Execution;

namespace Tutorial.Notebooks.Tests.Infrastructure;

/// <summary>Assertions on executed notebooks whose failure messages name the notebook, the cell and the output.</summary>
public static partial class NotebookAssert
{
    /// <summary>Every executable cell passed, and no cell wrote to stderr or produced an error output.</summary>
    public static void RanCleanly(NotebookRun run)
    {
        var problems = new List<string>();
        foreach (var cell in run.Cells)
        {
            if (cell.Status is CellStatus.Failed or CellStatus.TimedOut)
            {
                problems.Add($"cell {cell.Number} {(cell.Status == CellStatus.TimedOut ? "timed out" : "failed")}: {cell.Error}");
            }
            else if (cell.Status == CellStatus.NotRun)
            {
                problems.Add($"cell {cell.Number} was not run");
            }

            if (cell.StandardError.Length > 0)
            {
                problems.Add($"cell {cell.Number} wrote to stderr: {cell.StandardError.Trim()}");
            }

            if (cell.Status == CellStatus.Passed && cell.Error is { } error)
            {
                problems.Add($"cell {cell.Number} produced an error: {error}");
            }
        }

        Assert.True(problems.Count == 0, $"{run.Notebook.Name} did not run cleanly:\n  " + string.Join("\n  ", problems));
    }

    /// <summary>The key figure labelled <paramref name="labelFragment"/>, or else the one label that contains it (case-insensitive).</summary>
    public static KeyFigure KeyFigure(NotebookRun run, string labelFragment)
    {
        var exact = run.KeyFigures.Where(k => k.Label.Equals(labelFragment, StringComparison.OrdinalIgnoreCase)).ToList();
        var matches = exact.Count > 0 ? exact : run.KeyFigures.Where(k => k.Label.Contains(labelFragment, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(matches.Count == 1,
            $"{run.Notebook.Name}: expected one key figure labelled '*{labelFragment}*', found {matches.Count}; its key figures are:\n  "
            + string.Join("\n  ", run.KeyFigures.Select(k => k.Text)));
        return matches[0];
    }

    /// <summary>The first number in the value of the key figure labelled <paramref name="labelFragment"/>,
    /// e.g. 201.3 for <c>📌 20 jobs / 5 workers: 201.3 ms (ideal 200 ms)</c>.</summary>
    public static double KeyFigureNumber(NotebookRun run, string labelFragment)
    {
        var figure = KeyFigure(run, labelFragment);
        var number = Number().Match(figure.Value);
        Assert.True(number.Success, $"{run.Notebook.Name}: key figure '{figure.Text}' has no number after ' = '");
        return double.Parse(number.Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The guide's rule for verdicts: a line that breaks the format fails; <c>❌ outside</c> fails; a figure
    /// <c>⚠️ busy</c> in the first run was rerun once (<paramref name="runs"/>), and one still busy then passes with a
    /// warning written to <paramref name="log"/>. Nothing widens a tolerance.</summary>
    public static void KeyFiguresKeepTheirModels(VerdictRuns runs, Action<string> log)
    {
        var name = runs.First.Notebook.Name;
        var unreadable = runs.First.KeyFigures.Where(k => k.Verdict == KeyFigureVerdict.Unreadable).ToList();
        Assert.True(unreadable.Count == 0, $"{name}: key-figure lines that break the format:\n  {Describe(unreadable)}");
        if (runs.Rerun is { } rerun)
        {
            log($"{name}: rerun once because figures were measured on a busy machine:\n  {Describe(runs.First.KeyFigures.Where(k => k.Verdict == KeyFigureVerdict.Busy))}");
            RanCleanly(rerun);
        }

        var final = runs.Final.KeyFigures;
        var outside = final.Where(k => k.Verdict is KeyFigureVerdict.Outside or KeyFigureVerdict.Unreadable).ToList();
        Assert.True(outside.Count == 0, $"{name}: key figures outside their models:\n  {Describe(outside)}");
        var busy = final.Where(k => k.Verdict == KeyFigureVerdict.Busy).ToList();
        if (busy.Count > 0)
        {
            log($"WARNING {name}: still busy after one rerun, passing (the machine was measured busy):\n  {Describe(busy)}");
        }

        log($"{name}: {final.Count(k => k.Verdict == KeyFigureVerdict.Agrees)} of {final.Count(k => k.HasModel)} modelled figures agree, {final.Count(k => !k.HasModel)} without a model");
    }

    /// <summary>Every line of a run's key figures, for messages.</summary>
    public static string Describe(IEnumerable<Execution.KeyFigure> figures) => string.Join("\n  ", figures.Select(k => $"cell {k.CellNumber}: {Execution.KeyFigure.Marker} {k.Text}"));

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Number();
}
