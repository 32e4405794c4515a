using System.Text.RegularExpressions;

namespace Tutorial.Notebooks.Lessons;

/// <summary>Finds the course's lessons: the <c>notebooks/NN-name.ipynb</c> files of the repository.</summary>
public static partial class LessonCatalog
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFile = "Tutorial.sln";

    /// <summary>Walks up from <paramref name="start"/> (default: the current directory, then the program's own folder)
    /// to the folder holding <see cref="SolutionFile"/>, or returns null.</summary>
    public static string? FindRepositoryRoot(string? start = null)
    {
        foreach (var origin in start is null ? [Environment.CurrentDirectory, AppContext.BaseDirectory] : new[] { start })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The lessons in <paramref name="notebooksFolder"/>, ordered by number; empty when the folder does not exist.</summary>
    public static IReadOnlyList<Lesson> Discover(string notebooksFolder)
    {
        if (!Directory.Exists(notebooksFolder))
        {
            return [];
        }

        return Directory.EnumerateFiles(notebooksFolder, "*.ipynb")
            .Select(path => (path, match: LessonFileName().Match(Path.GetFileName(path))))
            .Where(x => x.match.Success)
            .Select(x => new Lesson(x.match.Groups["number"].Value, x.match.Groups["slug"].Value, Path.GetFullPath(x.path)))
            .OrderBy(l => int.Parse(l.Number, System.Globalization.CultureInfo.InvariantCulture))
            .ThenBy(l => l.Slug, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The lessons named by <paramref name="selectors"/> in course order, or all of them when there are none.</summary>
    /// <exception cref="LessonNotFoundException">A selector matches no lesson.</exception>
    public static IReadOnlyList<Lesson> Select(IReadOnlyList<Lesson> lessons, IReadOnlyCollection<string> selectors)
    {
        if (selectors.Count == 0)
        {
            return lessons;
        }

        var chosen = new HashSet<Lesson>();
        foreach (var selector in selectors)
        {
            var matches = lessons.Where(l => l.Matches(selector)).ToList();
            if (matches.Count == 0)
            {
                throw new LessonNotFoundException(selector, lessons);
            }

            chosen.UnionWith(matches);
        }

        return lessons.Where(chosen.Contains).ToList();
    }

    [GeneratedRegex(@"^(?<number>\d{2,})-(?<slug>[A-Za-z0-9][A-Za-z0-9_-]*)\.ipynb$")]
    private static partial Regex LessonFileName();
}
