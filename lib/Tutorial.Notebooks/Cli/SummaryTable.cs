using System.Text;
using Tutorial.Notebooks.Execution;

namespace Tutorial.Notebooks.Cli;

/// <summary>The end-of-run table: lesson, cells, passed/failed, seconds, key figures; then one line per failure.</summary>
internal static class SummaryTable
{
    public static string Format(IReadOnlyList<NotebookRun> runs)
    {
        var rows = runs.Select(r => new[]
        {
            r.Notebook.Name,
            r.CodeCells.Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.PassedCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.FailedCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Duration.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            string.Join("; ", r.KeyFigures.Select(k => k.Text)),
        }).ToList();
        string[] header = ["lesson", "cells", "passed", "failed", "seconds", "key figures"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        widths[^1] = header[^1].Length; // the last column is not padded

        var text = new StringBuilder();
        AppendRow(text, header, widths);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        var failures = runs.Where(r => r.FirstFailure is not null).ToList();
        var cells = runs.Sum(r => r.PassedCount + r.FailedCount);
        text.AppendLine();
        text.AppendLine(failures.Count == 0
            ? $"{runs.Count} lessons, {cells} cells: all passed"
            : $"{runs.Count} lessons, {cells} cells: {failures.Count} lesson(s) failed");
        foreach (var run in failures)
        {
            var f = run.FirstFailure!;
            var what = f.Status == CellStatus.TimedOut ? "timed out" : "failed";
            text.AppendLine($"error: {run.Notebook.Name}, cell {f.Number} {what}: {f.ErrorSummary}");
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var numeric = i is >= 1 and <= 4;
            var cell = numeric ? cells[i].PadLeft(widths[i]) : i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i]);
            text.Append(cell).Append(i == cells.Length - 1 ? "" : "  ");
        }

        text.Append('\n');
    }
}
