namespace Tutorial.Notebooks.Execution;

/// <summary>How a cell's execution ended.</summary>
public enum CellStatus
{
    /// <summary>Markdown, raw or empty cells: nothing to run.</summary>
    NotExecutable,

    /// <summary>The kernel reported success.</summary>
    Passed,

    /// <summary>The cell did not compile, threw, or produced an error event.</summary>
    Failed,

    /// <summary>The cell was still running when the per-cell timeout expired.</summary>
    TimedOut,

    /// <summary>An earlier cell failed or timed out, so this one was not run.</summary>
    NotRun,
}
