using Tutorial.Notebooks.Lessons;

namespace Tutorial.Notebooks.Cli;

/// <summary>Where the runner writes: <c>OUT/notebooks/</c>, <c>OUT/site/</c>, <c>OUT/apps/</c>, <c>OUT/key-figures.json</c>; and the checks
/// made before any lesson runs, so that a bad <c>--out</c> costs a second, not a whole run.</summary>
internal sealed class OutputLayout(string outputFolder)
{
    public string OutputFolder { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));

    public string NotebooksFolder => Path.Combine(OutputFolder, "notebooks");

    public string SiteFolder => Path.Combine(OutputFolder, "site");

    public string AppsFolder => Path.Combine(OutputFolder, "apps");

    public string KeyFiguresPath => Path.Combine(OutputFolder, "key-figures.json");

    public string NotebookPath(string name) => Path.Combine(NotebooksFolder, name + ".ipynb");

    /// <summary>Refuses an output folder that would overwrite or fill the lessons folder, and one that cannot be written.</summary>
    /// <exception cref="UsageException">The folder is not usable; the message says why.</exception>
    public void CheckWritable(string lessonsFolder, IEnumerable<Lesson> lessons)
    {
        var source = Resolve(lessonsFolder);
        foreach (var target in new[] { OutputFolder, NotebooksFolder, SiteFolder, AppsFolder })
        {
            if (PathsEqual(Resolve(target), source))
            {
                throw new UsageException($"--out {OutputFolder} would write into the lessons folder {lessonsFolder} ({target} is that folder) and overwrite the lessons; choose another output folder");
            }
        }

        if (lessons.Any(l => PathsEqual(Resolve(NotebookPath(l.Id)), Resolve(l.Path))))
        {
            throw new UsageException($"--out {OutputFolder} would overwrite the lessons in {lessonsFolder}; choose another output folder");
        }

        if (File.Exists(OutputFolder))
        {
            throw new UsageException($"--out {OutputFolder} is a file; it needs a folder (one that exists or can be created)");
        }

        try
        {
            Directory.CreateDirectory(OutputFolder);
            var probe = Path.Combine(OutputFolder, $".runner-write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write to --out {OutputFolder}: {e.Message.TrimEnd('.')}");
        }
    }

    // A symbolic link to the lessons folder is the lessons folder.
    private static string Resolve(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        try
        {
            var target = Directory.Exists(full) ? Directory.ResolveLinkTarget(full, returnFinalTarget: true)
                : File.Exists(full) ? File.ResolveLinkTarget(full, returnFinalTarget: true) : null;
            return target is null ? full : Path.TrimEndingDirectorySeparator(target.FullName);
        }
        catch (IOException)
        {
            return full;
        }
    }

    private static bool PathsEqual(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
