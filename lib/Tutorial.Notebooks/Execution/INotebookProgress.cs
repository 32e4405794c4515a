using Tutorial.Notebooks.Documents;

namespace Tutorial.Notebooks.Execution;

/// <summary>Receives notifications while a notebook runs (the CLI's progress display implements it).</summary>
/// <remarks>Called on the engine's thread, in order; implementations should return quickly.</remarks>
public interface INotebookProgress
{
    /// <summary>A code cell is about to be submitted to the kernel.</summary>
    void CellStarting(NotebookDocument notebook, NotebookCell cell);

    /// <summary>A cell finished (passed, failed or timed out).</summary>
    void CellFinished(NotebookDocument notebook, CellResult result);
}
