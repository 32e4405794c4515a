using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Execution;
using Tutorial.Notebooks.Lessons;

namespace Tutorial.Notebooks.Tests.Infrastructure;

/// <summary>
/// The lessons' exercises: a starter cell whose first line is <c>// Exercise: id</c>, a later check cell that calls
/// <c>Exercise.Check</c> with that id, the solution in <c>notebooks/solutions/id.cs</c>, and wrong solutions kept beside
/// the tests in <c>WrongSolutions/id/name.cs</c> (first line <c>// Exercise: id</c>, second <c>// Expect: text</c>, the text
/// the check's NOT YET hint must contain).
/// </summary>
public static class Exercises
{
    /// <summary>The first line that marks a starter cell.</summary>
    public const string MarkerPrefix = "// Exercise: ";

    /// <summary>The second line of a wrong solution.</summary>
    public const string ExpectPrefix = "// Expect: ";

    /// <summary>The folder of solution files.</summary>
    public static string SolutionsFolder => Path.Combine(TestPaths.LessonsFolder, "solutions");

    /// <summary>The folder of wrong solutions, one subfolder per exercise.</summary>
    public static string WrongSolutionsFolder => Path.Combine(TestPaths.RepositoryRoot, "tests", "Tutorial.Notebooks.Tests", "WrongSolutions");

    /// <summary>Every exercise id that has a solution file.</summary>
    public static IReadOnlyList<string> SolutionIds =>
        Directory.Exists(SolutionsFolder)
            ? [.. Directory.GetFiles(SolutionsFolder, "*.cs").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>A wrong solution: its file, its source and the text its hint must contain.</summary>
    public sealed record WrongSolution(string ExerciseId, string Name, string Source, string Expect);

    /// <summary>The wrong solutions of <paramref name="exerciseId"/>, by name.</summary>
    public static IReadOnlyList<WrongSolution> WrongSolutionsOf(string exerciseId)
    {
        var folder = Path.Combine(WrongSolutionsFolder, exerciseId);
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal).Select(ReadWrongSolution)]
            : [];
    }

    /// <summary>Every wrong solution, as <c>exercise-id/name</c>.</summary>
    public static IReadOnlyList<string> WrongSolutionKeys =>
        Directory.Exists(WrongSolutionsFolder)
            ? [.. Directory.GetDirectories(WrongSolutionsFolder).SelectMany(d => WrongSolutionsOf(Path.GetFileName(d)!)).Select(w => $"{w.ExerciseId}/{w.Name}")]
            : [];

    /// <summary>Reads a wrong-solution file and checks its two header lines.</summary>
    public static WrongSolution ReadWrongSolution(string path)
    {
        var source = File.ReadAllText(path).TrimEnd();
        var lines = source.Split('\n', 3);
        var id = Path.GetFileName(Path.GetDirectoryName(path))!;
        Assert.True(lines.Length >= 3 && lines[0].TrimEnd('\r') == MarkerPrefix + id && lines[1].StartsWith(ExpectPrefix, StringComparison.Ordinal),
            $"{path}: a wrong solution starts with the lines '{MarkerPrefix}{id}' and '{ExpectPrefix}<text the hint must contain>'");
        return new WrongSolution(id, Path.GetFileNameWithoutExtension(path), source, lines[1][ExpectPrefix.Length..].TrimEnd('\r').Trim());
    }

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

    /// <summary>The check cell of <paramref name="exerciseId"/>: the first code cell after its starter that calls
    /// <c>Exercise.Check</c> with the id.</summary>
    public static NotebookCell CheckCellOf(NotebookDocument notebook, string exerciseId)
    {
        var starter = StartersOf(notebook)[exerciseId];
        return notebook.Cells.FirstOrDefault(c => c.Number > starter.Number && c.Kind == CellKind.Code
                   && c.Source.Contains("Exercise.Check", StringComparison.Ordinal) && c.Source.Contains($"\"{exerciseId}\"", StringComparison.Ordinal))
               ?? throw new InvalidOperationException($"{notebook.Name}: no check cell (Exercise.Check(\"{exerciseId}\", ...)) after the starter cell {starter.Number}");
    }

    /// <summary>The lesson that holds the starter cell of <paramref name="exerciseId"/>.</summary>
    public static Lesson LessonOf(string exerciseId) =>
        CourseRuns.Lessons.SingleOrDefault(l => StartersOf(NotebookDocument.Load(l.Path)).ContainsKey(exerciseId))
        ?? throw new InvalidOperationException($"No lesson has a starter cell whose first line is '{MarkerPrefix}{exerciseId}'.");

    /// <summary>The solution's source.</summary>
    public static string Solution(string exerciseId) => File.ReadAllText(Path.Combine(SolutionsFolder, exerciseId + ".cs")).TrimEnd();

    /// <summary>What to submit after a clean run of <paramref name="notebook"/>, in the same kernel: for each exercise its
    /// solution then its check cell, then each wrong solution then the check cell again. (A C# script submission may
    /// redeclare what an earlier one declared, so each variant replaces the previous one, as a learner's edit would.)</summary>
    public static IReadOnlyList<FollowUp> FollowUpsFor(NotebookDocument notebook)
    {
        var followUps = new List<FollowUp>();
        foreach (var id in StartersOf(notebook).Keys.Where(id => SolutionIds.Contains(id)))
        {
            var check = CheckCellOf(notebook, id).Source;
            followUps.Add(new FollowUp(SolutionLabel(id), Solution(id)));
            followUps.Add(new FollowUp(CheckLabel(id, null), check));
            foreach (var wrong in WrongSolutionsOf(id))
            {
                followUps.Add(new FollowUp($"wrong solution {id}/{wrong.Name}", wrong.Source));
                followUps.Add(new FollowUp(CheckLabel(id, wrong.Name), check));
            }
        }

        return followUps;
    }

    /// <summary>The label of the submission of an exercise's solution.</summary>
    public static string SolutionLabel(string exerciseId) => $"solution {exerciseId}";

    /// <summary>The label of the check that follows the solution (<paramref name="wrongName"/> null) or a wrong solution.</summary>
    public static string CheckLabel(string exerciseId, string? wrongName) =>
        wrongName is null ? $"check {exerciseId} after the solution" : $"check {exerciseId} after wrong solution {wrongName}";
}
