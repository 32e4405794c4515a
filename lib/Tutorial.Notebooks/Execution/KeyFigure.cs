using System.Text.RegularExpressions;

namespace Tutorial.Notebooks.Execution;

/// <summary>A headline measurement a lesson publishes by printing one line <c>📌 label: value</c>, which is what
/// <c>Tutorial.Concurrency.Measurement.KeyFigure.Print</c> writes, e.g. <c>📌 20 jobs / 5 workers: 201.3 ms (ideal 200 ms)</c>.</summary>
/// <remarks>A printed line keeps the notebook natural for a learner (they simply see the figure) and is trivial to collect
/// from stdout. The runner does not load the course library (the notebook kernel loads it from its own path), so it parses
/// the same one-line format here. The text before the first <c>": "</c> is the label, the rest is the value; a line
/// without it is all label.</remarks>
/// <param name="CellNumber">The cell that printed it.</param>
/// <param name="Text">The line without the marker.</param>
public sealed partial record KeyFigure(int CellNumber, string Text)
{
    /// <summary>The marker that starts a key-figure line.</summary>
    public const string Marker = "📌";

    /// <summary>What was measured, e.g. <c>20 jobs / 5 workers</c>.</summary>
    public string Label => SplitAt() is { } i ? Text[..i].Trim() : Text;

    /// <summary>The measurement, e.g. <c>201.3 ms (ideal 200 ms)</c>; empty when the line has no <c>": "</c>.</summary>
    public string Value => SplitAt() is { } i ? Text[(i + 2)..].Trim() : "";

    /// <summary>Finds every key-figure line in a cell's standard output.</summary>
    /// <param name="cellNumber">The cell that printed the output.</param>
    /// <param name="standardOutput">Everything the cell printed.</param>
    /// <returns>The key figures, in the order printed.</returns>
    public static IEnumerable<KeyFigure> Parse(int cellNumber, string standardOutput) =>
        KeyLine().Matches(standardOutput)
                 .Select(m => m.Groups["text"].Value.Trim())
                 .Where(text => text.Length > 0)
                 .Select(text => new KeyFigure(cellNumber, text));

    /// <summary>The line as the lesson printed it.</summary>
    /// <returns><c>label: value</c>.</returns>
    public override string ToString() => Text;

    private int? SplitAt()
    {
        var i = Text.IndexOf(": ", StringComparison.Ordinal);
        return i > 0 ? i : null;
    }

    [GeneratedRegex(@"^[ \t]*📌(?<text>[^\r\n]*)", RegexOptions.Multiline)]
    private static partial Regex KeyLine();
}
