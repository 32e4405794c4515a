using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons;

/// <summary>Every exercise's check cell says NOT YET to the untouched starter and PASS to the solution, and every
/// lesson after the first has an exercise.</summary>
[Collection(NotebookCollection.Name)]
public sealed class ExerciseTests
{
    public static TheoryData<string> ExerciseIds() => new(Exercises.SolutionIds);

    [Fact]
    public void Every_lesson_from_01_has_an_exercise_and_every_starter_has_a_solution()
    {
        var lessons = LessonRuns.All.Where(l => int.Parse(l.Number, System.Globalization.CultureInfo.InvariantCulture) >= 1).ToList();
        Assert.NotEmpty(lessons);
        foreach (var lesson in lessons)
        {
            var starters = Exercises.StartersOf(NotebookDocument.Load(lesson.Path));
            Assert.True(starters.Count > 0, $"{lesson.Id} has no exercise (a code cell starting with '{Exercises.MarkerPrefix}id')");
            foreach (var id in starters.Keys)
                Assert.True(Exercises.SolutionIds.Contains(id), $"{lesson.Id}: exercise '{id}' has no notebooks/solutions/{id}.cs");
        }
    }

    [Theory]
    [MemberData(nameof(ExerciseIds))]
    public async Task Check_gives_a_hint_to_the_untouched_starter(string exerciseId)
    {
        var run = await LessonRuns.GetAsync(Exercises.LessonOf(exerciseId).Id);

        Assert.Contains($"❌ NOT YET: {exerciseId} - ", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain($"PASS: {exerciseId}", run.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ExerciseIds))]
    public async Task Check_passes_the_solution(string exerciseId)
    {
        var solution = Exercises.Solution(exerciseId);
        Assert.StartsWith(Exercises.MarkerPrefix + exerciseId, solution, StringComparison.Ordinal);

        var run = await Exercises.SolvedRunAsync(Exercises.LessonOf(exerciseId));

        NotebookAssert.RanCleanly(run);
        Assert.Contains($"✅ PASS: {exerciseId}", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain($"NOT YET: {exerciseId}", run.StandardOutput, StringComparison.Ordinal);
    }
}
