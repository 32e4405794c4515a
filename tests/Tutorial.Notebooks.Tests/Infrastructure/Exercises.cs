using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Execution;
using Tutorial.Notebooks.Lessons;

namespace Tutorial.Notebooks.Tests.Infrastructure;

/// <summary>
/// The lessons' exercises: a starter cell whose first line is <c>// Exercise: id</c>, and the solution in
/// <c>notebooks/solutions/id.cs</c> (the whole replacement for that cell, same first line).
/// </summary>
public static class Exercises
{
    /// <summary>The first line that marks a starter cell.</summary>
    public const string MarkerPrefix = "// Exercise: ";

    /// <summary>The folder of solution files.</summary>
    public static string SolutionsFolder => Path.Combine(TestPaths.LessonsFolder, "solutions");

    /// <summary>Every exercise id that has a solution file.</summary>
    public static IReadOnlyList<string> SolutionIds =>
        Directory.Exists(SolutionsFolder)
            ? [.. Directory.GetFiles(SolutionsFolder, "*.cs").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The exercise id of a cell, when it is a starter cell.</summary>
    public static string? IdOf(NotebookCell cell)
    {
        var firstLine = cell.Source.Split('\n', 2)[0].TrimEnd('\r');
        return cell.Kind == CellKind.Code && firstLine.StartsWith(MarkerPrefix, StringComparison.Ordinal)
            ? firstLine[MarkerPrefix.Length..].Trim()
            : null;
    }

    /// <summary>The starter cells of a lesson, by exercise id.</summary>
    public static IReadOnlyDictionary<string, NotebookCell> StartersOf(NotebookDocument notebook) =>
        notebook.Cells.Select(c => (Id: IdOf(c), Cell: c)).Where(x => x.Id is not null).ToDictionary(x => x.Id!, x => x.Cell);

    /// <summary>The lesson that holds the starter cell of <paramref name="exerciseId"/>.</summary>
    public static Lesson LessonOf(string exerciseId) =>
        LessonRuns.All.SingleOrDefault(l => StartersOf(NotebookDocument.Load(l.Path)).ContainsKey(exerciseId))
        ?? throw new InvalidOperationException($"No lesson has a starter cell whose first line is '{MarkerPrefix}{exerciseId}'.");

    /// <summary>The solution's source.</summary>
    public static string Solution(string exerciseId) => File.ReadAllText(Path.Combine(SolutionsFolder, exerciseId + ".cs")).TrimEnd();

    private static readonly Dictionary<string, Lazy<Task<NotebookRun>>> SolvedRuns = new(StringComparer.Ordinal);

    /// <summary>The lesson run once with every starter cell replaced by its solution (cached per lesson).</summary>
    public static Task<NotebookRun> SolvedRunAsync(Lesson lesson)
    {
        Lazy<Task<NotebookRun>> run;
        lock (SolvedRuns)
        {
            if (!SolvedRuns.TryGetValue(lesson.Path, out run!))
            {
                run = new Lazy<Task<NotebookRun>>(() => RunSolvedAsync(lesson));
                SolvedRuns[lesson.Path] = run;
            }
        }

        return run.Value.WaitAsync(NotebookRuns.NotebookTimeout);
    }

    private static async Task<NotebookRun> RunSolvedAsync(Lesson lesson)
    {
        var notebook = NotebookDocument.Load(lesson.Path);
        var solved = notebook.WithCellSources(StartersOf(notebook).ToDictionary(s => s.Value.Number, s => Solution(s.Key)));
        return await new NotebookExecutor().RunAsync(solved);
    }
}
