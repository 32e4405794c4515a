namespace Tutorial.Notebooks.Documents;

/// <summary>The kind of a notebook cell, as nbformat names it.</summary>
public enum CellKind
{
    /// <summary>A prose cell, rendered with Markdig on the site and never executed.</summary>
    Markdown,

    /// <summary>A cell the kernel executes.</summary>
    Code,

    /// <summary>An nbformat "raw" cell: kept in the notebook, neither executed nor rendered.</summary>
    Raw,
}
