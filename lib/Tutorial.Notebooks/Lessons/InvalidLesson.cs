namespace Tutorial.Notebooks.Lessons;

/// <summary>A lesson file that could not be run at all: not a valid notebook, or not C#.</summary>
/// <param name="Name">The file name without extension.</param>
/// <param name="Path">The file.</param>
/// <param name="Problem">What is wrong, in one line (the whole message, path included).</param>
public sealed record InvalidLesson(string Name, string Path, string Problem);
