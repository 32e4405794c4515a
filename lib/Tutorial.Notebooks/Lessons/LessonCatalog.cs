using System.Text.RegularExpressions;

namespace Tutorial.Notebooks.Lessons;

/// <summary>Finds the course's lessons: the <c>notebooks/NN-name.ipynb</c> files of the repository.</summary>
public static partial class LessonCatalog
{
    /// <summary>What a lesson file's name looks like, for messages.</summary>
    public const string NamePattern = "NN-name.ipynb";

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
    public static IReadOnlyList<Lesson> Discover(string notebooksFolder) => Scan(notebooksFolder).Lessons;

    /// <summary>The lessons in <paramref name="notebooksFolder"/> (ordered by number, then name) and the other
    /// <c>.ipynb</c> files there, which are not lessons and are skipped.</summary>
    /// <remarks>A lesson file is named <c>NN-name.ipynb</c>: ASCII digits, a dash, then any name, including letters outside
    /// ASCII and spaces (<c>03-génération.ipynb</c>, <c>04-my lesson.ipynb</c>); the site and the written notebooks keep the
    /// name as it is. Only the folder itself is searched, not subfolders (<c>solutions/</c>, <c>.ipynb_checkpoints/</c>).</remarks>
    public static LessonScan Scan(string notebooksFolder)
    {
        if (!Directory.Exists(notebooksFolder))
        {
            return new LessonScan([], []);
        }

        var lessons = new List<Lesson>();
        var skipped = new List<string>();
        foreach (var path in Directory.EnumerateFiles(notebooksFolder).Where(p => p.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)))
        {
            var match = LessonFileName().Match(Path.GetFileName(path));
            if (match.Success)
            {
                lessons.Add(new Lesson(match.Groups["number"].Value, match.Groups["slug"].Value, Path.GetFullPath(path)));
            }
            else
            {
                skipped.Add(Path.GetFullPath(path));
            }
        }

        return new LessonScan(
            [.. lessons.OrderBy(l => decimal.Parse(l.Number, System.Globalization.CultureInfo.InvariantCulture)).ThenBy(l => l.Slug, StringComparer.Ordinal)],
            [.. skipped.Order(StringComparer.Ordinal)]);
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

    // [0-9], not \d: \d also matches other scripts' digits, which int.Parse does not read.
    [GeneratedRegex(@"^(?<number>[0-9]+)-(?<slug>.*[\p{L}\p{N}].*)\.ipynb$", RegexOptions.IgnoreCase)]
    private static partial Regex LessonFileName();
}

/// <summary>What <see cref="LessonCatalog.Scan"/> found.</summary>
/// <param name="Lessons">The lessons, in course order.</param>
/// <param name="Skipped">Other <c>.ipynb</c> files in the folder, whose names do not make them lessons.</param>
public sealed record LessonScan(IReadOnlyList<Lesson> Lessons, IReadOnlyList<string> Skipped);
