using System.Text.RegularExpressions;

namespace Tutorial.Notebooks.Execution;

/// <summary>A headline measurement a lesson publishes by printing one line that starts with <c>KEY:</c>, e.g.
/// <c>Console.WriteLine($"KEY: 20 jobs / 5 workers = {ms:F1} ms (ideal 200 ms)");</c>.</summary>
/// <remarks>A printed line keeps the notebook natural for a learner (they simply see the figure), needs no helper
/// library in the stock kernel, and is trivial to collect from stdout. The text before the last <c> = </c> is the
/// label, the rest is the value; a line without <c> = </c> is all label.</remarks>
/// <param name="CellNumber">The cell that printed it.</param>
/// <param name="Text">The line without the <c>KEY:</c> prefix.</param>
public sealed partial record KeyFigure(int CellNumber, string Text)
{
    /// <summary>The prefix that marks a key-figure line.</summary>
    public const string Prefix = "KEY:";

    /// <summary>What was measured, e.g. <c>20 jobs / 5 workers</c>.</summary>
    public string Label => SplitAt() is { } i ? Text[..i].Trim() : Text;

    /// <summary>The measurement, e.g. <c>201.3 ms (ideal 200 ms)</c>; empty when the line has no <c> = </c>.</summary>
    public string Value => SplitAt() is { } i ? Text[(i + 3)..].Trim() : "";

    /// <summary>Finds every key-figure line in a cell's standard output.</summary>
    public static IEnumerable<KeyFigure> Parse(int cellNumber, string standardOutput) =>
        KeyLine().Matches(standardOutput)
                 .Select(m => m.Groups["text"].Value.Trim())
                 .Where(text => text.Length > 0)
                 .Select(text => new KeyFigure(cellNumber, text));

    private int? SplitAt()
    {
        var i = Text.LastIndexOf(" = ", StringComparison.Ordinal);
        return i > 0 ? i : null;
    }

    [GeneratedRegex(@"^[ \t]*KEY:(?<text>[^\r\n]*)", RegexOptions.Multiline)]
    private static partial Regex KeyLine();
}
