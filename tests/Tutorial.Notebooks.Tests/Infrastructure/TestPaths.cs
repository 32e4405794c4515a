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

    /// <summary>A small course laid out like the repository (notebooks/ beside lib/Tutorial.Concurrency/bin/Debug/net10.0),
    /// with the course library, copied next to the test assembly by the build.</summary>
    public static string FixtureCourse => Path.Combine(AppContext.BaseDirectory, "Fixtures", "course");

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
