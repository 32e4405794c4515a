namespace Tutorial.Notebooks.Documents;

/// <summary>One cell of a notebook as the author wrote it.</summary>
/// <param name="Number">1-based position among all cells (markdown included), the way a reader counts cells in the editor.</param>
/// <param name="Kind">Markdown, code or raw.</param>
/// <param name="KernelName">The Polyglot kernel the cell targets (<c>csharp</c> for the course); <c>markdown</c> for prose.</param>
/// <param name="Source">The cell's text.</param>
public sealed record NotebookCell(int Number, CellKind Kind, string KernelName, string Source)
{
    /// <summary>True when the engine submits this cell to the C# kernel.</summary>
    public bool IsExecutable => Kind == CellKind.Code && !string.IsNullOrWhiteSpace(Source);
}
