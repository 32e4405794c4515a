using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Execution;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons;

/// <summary>Every exercise's check cell says NOT YET to the untouched starter (in the lesson's clean run), PASS to the
/// solution and NOT YET, with the expected hint, to each wrong solution (submitted afterwards to the same kernel).</summary>
public sealed class ExerciseTests
{
    public static TheoryData<string> ExerciseIds() => new(Exercises.SolutionIds);

    public static TheoryData<string> WrongSolutions() => new(Exercises.WrongSolutionKeys);

    [Fact]
    public void Every_lesson_from_01_has_an_exercise_and_every_starter_has_a_solution()
    {
        var lessons = CourseRuns.Lessons.Where(l => int.Parse(l.Number, System.Globalization.CultureInfo.InvariantCulture) >= 1).ToList();
        Assert.NotEmpty(lessons);
        foreach (var lesson in lessons)
        {
            var notebook = NotebookDocument.Load(lesson.Path);
            var starters = Exercises.StartersOf(notebook);
            Assert.True(starters.Count > 0, $"{lesson.Id} has no exercise (a code cell starting with '{Exercises.MarkerPrefix}id')");
            foreach (var id in starters.Keys)
            {
                Assert.True(Exercises.SolutionIds.Contains(id), $"{lesson.Id}: exercise '{id}' has no notebooks/solutions/{id}.cs");
                _ = Exercises.CheckCellOf(notebook, id);
            }
        }
    }

    [Fact]
    public void Every_wrong_solution_belongs_to_an_exercise_and_there_is_at_least_one()
    {
        Assert.NotEmpty(Exercises.WrongSolutionKeys);
        foreach (var folder in Directory.GetDirectories(Exercises.WrongSolutionsFolder))
        {
            Assert.Contains(Path.GetFileName(folder), Exercises.SolutionIds);
        }
    }

    [Theory]
    [MemberData(nameof(ExerciseIds))]
    public async Task Check_gives_a_hint_to_the_untouched_starter(string exerciseId)
    {
        var run = await CourseRuns.EngineAsync(Exercises.LessonOf(exerciseId).Id);
        var check = run.Cell(Exercises.CheckCellOf(run.Notebook, exerciseId).Number);

        Assert.Contains($"❌ NOT YET: {exerciseId} - ", check.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain($"PASS: {exerciseId}", check.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ExerciseIds))]
    public async Task Check_passes_the_solution(string exerciseId)
    {
        Assert.StartsWith(Exercises.MarkerPrefix + exerciseId, Exercises.Solution(exerciseId), StringComparison.Ordinal);
        var run = await CourseRuns.EngineAsync(Exercises.LessonOf(exerciseId).Id);
        NotebookAssert.RanCleanly(run);

        var solution = FollowUp(run, Exercises.SolutionLabel(exerciseId));
        Assert.True(solution.Status == CellStatus.Passed, $"the solution did not run: {solution.Error}");
        var check = FollowUp(run, Exercises.CheckLabel(exerciseId, null));
        Assert.Contains($"✅ PASS: {exerciseId}", check.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain($"NOT YET: {exerciseId}", check.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WrongSolutions))]
    public async Task Check_gives_the_expected_hint_to_a_wrong_solution(string key)
    {
        var (exerciseId, name) = (key.Split('/')[0], key.Split('/')[1]);
        var wrong = Exercises.WrongSolutionsOf(exerciseId).Single(w => w.Name == name);
        var run = await CourseRuns.EngineAsync(Exercises.LessonOf(exerciseId).Id);
        NotebookAssert.RanCleanly(run);

        var submitted = FollowUp(run, $"wrong solution {exerciseId}/{name}");
        Assert.True(submitted.Status == CellStatus.Passed, $"the wrong solution must compile and run, so that the check judges it: {submitted.Error}");
        var check = FollowUp(run, Exercises.CheckLabel(exerciseId, name));
        Assert.Contains($"❌ NOT YET: {exerciseId} - ", check.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(wrong.Expect, check.StandardOutput, StringComparison.Ordinal);
    }

    private static CellResult FollowUp(NotebookRun run, string label) =>
        run.FollowUps.SingleOrDefault(f => f.FollowUp.Label == label)?.Result
        ?? throw new InvalidOperationException($"{run.Notebook.Name}: no follow-up '{label}'; the follow-ups were: {string.Join(", ", run.FollowUps.Select(f => f.FollowUp.Label))}");
}
