using Tutorial.Notebooks.Documents;

namespace Tutorial.Notebooks.Execution;

/// <summary>The executed notebook: every cell's result, in order.</summary>
public sealed class NotebookRun
{
    /// <summary>Creates a run; the engine is the only producer outside tests.</summary>
    /// <param name="notebook">The notebook that was run.</param>
    /// <param name="cells">One result per cell.</param>
    /// <param name="duration">Wall-clock time of the whole notebook.</param>
    /// <param name="followUps">Submissions made after the cells, in the same kernel.</param>
    /// <param name="problem">Why the lesson failed outside any cell (its process crashed after the last cell), or null.</param>
    public NotebookRun(NotebookDocument notebook, IReadOnlyList<CellResult> cells, TimeSpan duration, IReadOnlyList<FollowUpResult>? followUps = null, string? problem = null)
    {
        Notebook = notebook;
        Cells = cells;
        Duration = duration;
        FollowUps = followUps ?? [];
        Problem = problem;
    }

    /// <summary>The notebook that was run.</summary>
    public NotebookDocument Notebook { get; }

    /// <summary>One result per cell, markdown cells included, so <c>Cells[i].Number == i + 1</c>.</summary>
    public IReadOnlyList<CellResult> Cells { get; }

    /// <summary>Wall-clock time of the whole notebook, kernel start included.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The submissions made after the cells (exercise solutions and checks), in order; empty unless asked for,
    /// and unless every cell passed.</summary>
    public IReadOnlyList<FollowUpResult> FollowUps { get; }

    /// <summary>Why the lesson failed outside any cell, e.g. its process crashed after the last cell ran; null otherwise.</summary>
    public string? Problem { get; }

    /// <summary>The code cells only.</summary>
    public IEnumerable<CellResult> CodeCells => Cells.Where(c => c.Cell.Kind == CellKind.Code);

    /// <summary>True when every executable cell passed.</summary>
    public bool Succeeded => Problem is null && Cells.All(c => c.Status is CellStatus.Passed or CellStatus.NotExecutable);

    /// <summary>The first cell that failed or timed out, or null.</summary>
    public CellResult? FirstFailure => Cells.FirstOrDefault(c => c.IsFailure);

    /// <summary>Number of cells that ran and passed.</summary>
    public int PassedCount => Cells.Count(c => c.Status == CellStatus.Passed);

    /// <summary>Number of cells that failed, timed out, or were not run because of an earlier failure.</summary>
    public int FailedCount => Cells.Count(c => c.Status is CellStatus.Failed or CellStatus.TimedOut or CellStatus.NotRun);

    /// <summary>Every key figure the notebook printed, in cell order.</summary>
    public IReadOnlyList<KeyFigure> KeyFigures => Cells.SelectMany(c => c.KeyFigures).ToList();

    /// <summary>All standard output of the notebook, cell after cell.</summary>
    public string StandardOutput => string.Concat(Cells.Select(c => c.StandardOutput));

    /// <summary>The result of cell <paramref name="number"/> (1-based, markdown cells counted).</summary>
    public CellResult Cell(int number) =>
        number >= 1 && number <= Cells.Count
            ? Cells[number - 1]
            : throw new ArgumentOutOfRangeException(nameof(number), number, $"{Notebook.Name} has cells 1..{Cells.Count}");

    /// <summary>The first code cell whose source contains <paramref name="fragment"/>: lets a test find a cell by what it
    /// does rather than by a number that shifts when a lesson gains a cell.</summary>
    public CellResult CellContaining(string fragment) =>
        CodeCells.FirstOrDefault(c => c.Cell.Source.Contains(fragment, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"{Notebook.Name} has no code cell containing \"{fragment}\"");

    /// <summary>A one-line description of the first failure, naming lesson and cell, or null when the run succeeded.</summary>
    public string? FailureMessage => FirstFailure is { } f
        ? $"{Notebook.Name}, cell {f.Number}: {f.Error}"
        : Problem is { } problem ? $"{Notebook.Name}: {problem}" : null;

    /// <summary>One line for a summary: which cell failed or timed out and why, or the lesson's problem; null when it passed.</summary>
    public string? FailureSummary => FirstFailure is { } f
        ? $"cell {f.Number} {(f.Status == CellStatus.TimedOut ? "timed out" : "failed")}: {f.ErrorSummary}"
        : Problem;
}
