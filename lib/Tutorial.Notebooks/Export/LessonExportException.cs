namespace Tutorial.Notebooks.Export;

/// <summary>A lesson that cannot be turned into a file-based app as it is written. The message names the lesson file and
/// the cell, and says what to change in the notebook, so the lesson (the one source) gets fixed rather than the app.</summary>
public sealed class LessonExportException : Exception
{
    /// <summary>Creates the exception for <paramref name="lesson"/>.</summary>
    /// <param name="lesson">The notebook file the problem is in.</param>
    /// <param name="cell">The 1-based cell number (markdown cells counted, as the editor counts them), or null for the whole notebook.</param>
    /// <param name="problem">What is wrong and what to do about it, in a sentence or two.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public LessonExportException(string lesson, int? cell, string problem, Exception? inner = null)
        : base($"{Path.GetFileName(lesson)}{(cell is { } n ? $", cell {n}" : "")}: {problem}", inner)
    {
        Lesson = lesson;
        Cell = cell;
        Problem = problem;
    }

    /// <summary>The notebook file.</summary>
    public string Lesson { get; }

    /// <summary>The 1-based cell number, or null when the problem is not in one cell.</summary>
    public int? Cell { get; }

    /// <summary>What is wrong, without the lesson and cell prefix.</summary>
    public string Problem { get; }
}
