using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tutorial.Notebooks.Execution;

namespace Tutorial.Notebooks.Cli;

/// <summary>Writes <c>key-figures.json</c>: every key figure of the run with its model, range and verdict, so that a
/// reader (or a script) can see in one place which measurements agree with what the lessons teach.</summary>
public static class KeyFiguresFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>One figure in the file.</summary>
    /// <param name="Lesson">The lesson's file name without extension.</param>
    /// <param name="Cell">The cell that printed it (1-based, markdown cells counted).</param>
    /// <param name="Name">The figure's label.</param>
    /// <param name="Value">Its number, when it has one.</param>
    /// <param name="ValueText">The value as printed.</param>
    /// <param name="Unit">Its unit, possibly empty.</param>
    /// <param name="Model">The model's derivation, or null for a fact with no model.</param>
    /// <param name="Low">The lowest value that agrees, or null.</param>
    /// <param name="High">The highest value that agrees, or null.</param>
    /// <param name="Verdict"><c>agrees</c>, <c>busy</c>, <c>outside</c>, <c>no model</c> or <c>unreadable</c>.</param>
    /// <param name="Reason">Why it is outside its range (busy, outside) or unreadable, or null.</param>
    /// <param name="Line">The line as printed.</param>
    public sealed record Entry(string Lesson, int Cell, string Name, double? Value, string ValueText, string Unit, string? Model,
        double? Low, double? High, string Verdict, string? Reason, string Line);

    /// <summary>The entries for <paramref name="runs"/>, in course order.</summary>
    public static IReadOnlyList<Entry> Entries(IEnumerable<NotebookRun> runs) =>
    [
        .. runs.SelectMany(run => run.KeyFigures.Select(k => new Entry(
            run.Notebook.Name, k.CellNumber, k.Label, k.Number, k.Value, k.Unit, k.Model, k.Low, k.High, VerdictName(k.Verdict), k.Reason,
            $"{KeyFigure.Marker} {k.Text}"))),
    ];

    /// <summary>Writes the file for <paramref name="runs"/>.</summary>
    public static void Write(string path, IReadOnlyList<NotebookRun> runs)
    {
        var entries = Entries(runs);
        var document = new
        {
            lessons = runs.Count,
            figures = entries.Count,
            modelled = entries.Count(e => e.Model is not null),
            agrees = entries.Count(e => e.Verdict == "agrees"),
            busy = entries.Count(e => e.Verdict == "busy"),
            outside = entries.Count(e => e.Verdict == "outside"),
            keyFigures = entries,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(document, Options) + "\n");
    }

    /// <summary>The verdict as the file spells it.</summary>
    public static string VerdictName(KeyFigureVerdict verdict) => verdict switch
    {
        KeyFigureVerdict.Agrees => "agrees",
        KeyFigureVerdict.Busy => "busy",
        KeyFigureVerdict.Outside => "outside",
        KeyFigureVerdict.Unreadable => "unreadable",
        _ => "no model",
    };
}
