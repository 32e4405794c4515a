using Tutorial.Notebooks.Documents;

namespace Tutorial.Notebooks.Execution;

/// <summary>What happened when one cell ran (or why it did not).</summary>
public sealed class CellResult
{
    /// <summary>Creates a result; the engine is the only producer outside tests.</summary>
    /// <param name="cell">The cell as written.</param>
    /// <param name="status">How its execution ended.</param>
    /// <param name="duration">Its wall-clock time.</param>
    /// <param name="outputs">Its outputs, as kept (see <see cref="ExecutionOptions.MaxOutputCharacters"/>).</param>
    /// <param name="executionCount">The nbformat execution count, 0 when not executed.</param>
    /// <param name="keyFigureLines">The key-figure lines it printed, collected before any output was cut; when null they
    /// are read from <paramref name="outputs"/>.</param>
    public CellResult(NotebookCell cell, CellStatus status, TimeSpan duration, IReadOnlyList<CellOutput> outputs, int executionCount = 0, IReadOnlyList<string>? keyFigureLines = null)
    {
        Cell = cell;
        Status = status;
        Duration = duration;
        Outputs = outputs;
        ExecutionCount = executionCount;
        KeyFigureLines = keyFigureLines ?? [.. StandardOutput.Split('\n').Where(KeyFigure.IsKeyFigureLine).Select(l => l.Trim())];
        KeyFigures = [.. KeyFigureLines.Select(line => KeyFigure.Parse(cell.Number, line))];
    }

    /// <summary>The cell as written.</summary>
    public NotebookCell Cell { get; }

    /// <summary>1-based cell number, counting markdown cells too.</summary>
    public int Number => Cell.Number;

    /// <summary>How the execution ended.</summary>
    public CellStatus Status { get; }

    /// <summary>Wall-clock time of the cell, zero when it was not executed.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Every output, in the order the kernel produced them (display updates replace the value they update).</summary>
    public IReadOnlyList<CellOutput> Outputs { get; }

    /// <summary>The nbformat <c>execution_count</c>: 1 for the first executed cell, 0 when not executed.</summary>
    public int ExecutionCount { get; }

    /// <summary>Everything the cell wrote to stdout.</summary>
    public string StandardOutput => Concat(OutputKind.StandardOutput);

    /// <summary>Everything the cell wrote to stderr.</summary>
    public string StandardError => Concat(OutputKind.StandardError);

    /// <summary>The error text (compile error, exception message, timeout), or null when the cell did not fail.</summary>
    public string? Error => Outputs.FirstOrDefault(o => o.Kind == OutputKind.Error)?.Text;

    /// <summary>The first line of <see cref="Error"/>: what a person needs to read first.</summary>
    public string? ErrorSummary => Error?.Split('\n', 2)[0].TrimEnd('\r');

    /// <summary>The plain-text form of every output (stdout, stderr, displays and the return value), joined by newlines;
    /// convenient for assertions such as <c>Assert.Contains("sequential", cell.Text)</c>.</summary>
    public string Text => string.Join("\n", Outputs.Select(o => o.Text ?? o.HtmlText ?? "").Where(t => t.Length > 0));

    /// <summary>The key-figure lines as printed (<c>📌 ...</c>), in order.</summary>
    public IReadOnlyList<string> KeyFigureLines { get; }

    /// <summary>Headline measurements printed by this cell as <c>📌 label: value</c> lines.</summary>
    public IReadOnlyList<KeyFigure> KeyFigures { get; }

    /// <summary>True for a cell that ran and failed or timed out.</summary>
    public bool IsFailure => Status is CellStatus.Failed or CellStatus.TimedOut;

    private string Concat(OutputKind kind) => string.Concat(Outputs.Where(o => o.Kind == kind).Select(o => o.Text));
}
