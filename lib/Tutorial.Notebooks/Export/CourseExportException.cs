namespace Tutorial.Notebooks.Export;

/// <summary>Some lessons of a course cannot be exported as file-based apps. The message lists each one on its own line
/// (lesson file, cell, what to change); <see cref="Failures"/> holds them one by one. The other lessons were exported.</summary>
public sealed class CourseExportException : Exception
{
    /// <summary>Creates the exception for <paramref name="failures"/> out of <paramref name="lessonCount"/> lessons.</summary>
    public CourseExportException(IReadOnlyList<LessonExportException> failures, int lessonCount)
        : base($"{failures.Count} of {lessonCount} lessons cannot be exported as file-based apps:" +
               string.Concat(failures.Select(f => Environment.NewLine + "  " + f.Message)))
    {
        Failures = failures;
    }

    /// <summary>One exception per lesson that could not be exported.</summary>
    public IReadOnlyList<LessonExportException> Failures { get; }
}
