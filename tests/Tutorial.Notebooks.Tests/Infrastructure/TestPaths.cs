using Tutorial.Notebooks.Lessons;

namespace Tutorial.Notebooks.Tests.Infrastructure;

/// <summary>Where the repository, its lessons and the test fixtures are.</summary>
public static class TestPaths
{
    /// <summary>The repository root (the folder with Tutorial.sln).</summary>
    public static string RepositoryRoot { get; } =
        LessonCatalog.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"no {LessonCatalog.SolutionFile} above {AppContext.BaseDirectory}");

    /// <summary>The course's lessons folder, <c>notebooks/</c>.</summary>
    public static string LessonsFolder => Path.Combine(RepositoryRoot, "notebooks");

    /// <summary>A small course laid out like the repository: its notebooks beside a <c>lib</c> link to the repository's own
    /// <c>lib/</c>, so fixture cells <c>#r "../lib/NAME/bin/Debug/net10.0/NAME.dll"</c> as the lessons do and the runner's
    /// app export finds the real projects next to those builds. Made once per test run under the test output.</summary>
    public static string FixtureCourse => FixtureCourseFolder.Value;

    private static readonly Lazy<string> FixtureCourseFolder = new(() =>
    {
        var course = NewOutputFolder("fixture-course");
        var notebooks = Directory.CreateDirectory(Path.Combine(course, "notebooks")).FullName;
        foreach (var notebook in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "course", "notebooks"), "*.ipynb"))
        {
            File.Copy(notebook, Path.Combine(notebooks, Path.GetFileName(notebook)));
        }

        Directory.CreateSymbolicLink(Path.Combine(course, "lib"), Path.Combine(RepositoryRoot, "lib"));
        return course;
    });

    /// <summary>The fixture course's notebooks.</summary>
    public static string FixtureNotebooks => Path.Combine(FixtureCourse, "notebooks");

    /// <summary>Notebooks that fail on purpose (failing, hanging, compile error, stderr, invalid JSON).</summary>
    public static string BrokenNotebooks => Path.Combine(AppContext.BaseDirectory, "Fixtures", "broken");

    /// <summary>A fixture notebook of the course by file name without extension.</summary>
    public static string Fixture(string name) => Path.Combine(FixtureNotebooks, name + ".ipynb");

    /// <summary>A broken fixture notebook by file name without extension.</summary>
    public static string Broken(string name) => Path.Combine(BrokenNotebooks, name + ".ipynb");

    /// <summary>A fresh empty folder under the test output, removed by nobody: test output stays inspectable.</summary>
    public static string NewOutputFolder(string purpose)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "test-output", $"{purpose}-{Guid.NewGuid():N}"[..(purpose.Length + 9)]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
