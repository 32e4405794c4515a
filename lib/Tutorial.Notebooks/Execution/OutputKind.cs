namespace Tutorial.Notebooks.Execution;

/// <summary>Where a cell output came from.</summary>
public enum OutputKind
{
    /// <summary>Text written to <see cref="Console.Out"/>.</summary>
    StandardOutput,

    /// <summary>Text written to <see cref="Console.Error"/>.</summary>
    StandardError,

    /// <summary>A value shown with <c>.Display()</c> (or by a <c>#r "nuget:"</c> progress display).</summary>
    Display,

    /// <summary>The value of the cell's last expression.</summary>
    ReturnValue,

    /// <summary>A compile error, an exception, a timeout, or an <c>ErrorProduced</c> event.</summary>
    Error,
}
