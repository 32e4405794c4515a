using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Tests.Infrastructure;
using Tutorial.Notebooks.Tests.Lessons;

namespace Tutorial.Notebooks.Tests.StockKernel;

/// <summary>Runs notebooks out of process in the stock kernel a learner uses (<c>dotnet repl</c> from the repository's
/// tool manifest, built on the same kernel as VS Code's Polyglot Notebooks and Jupyter). This is what catches the
/// FSharp.Core 10.0 vs 10.1 trap, which the engine, carrying FSharp.Core 10.1 itself, cannot see. Each lesson runs once,
/// with its exercises' solutions, wrong solutions and checks appended as cells; only clean execution and the exercise
/// results are asserted here (these runs may share the machine, so their timings mean nothing).</summary>
public sealed class StockKernelTests
{
    public static TheoryData<string> LessonsWithCharts() =>
        new(CourseRuns.Lessons.Where(l => File.ReadAllText(l.Path).Contains("ConcurrencyCharts.", StringComparison.Ordinal)).Select(l => l.Id));

    // Plotly.NET 6 needs FSharp.Core 10.1 and the stock kernel ships 10.0: the lessons' first setup cell bridges that, and
    // this is the client where it matters.
    [Theory]
    [MemberData(nameof(LessonsWithCharts))]
    public async Task Charts_are_drawn_in_the_stock_kernel(string lesson)
    {
        var run = await CourseRuns.StockKernelAsync(lesson);

        Assert.Contains(run.Cells.SelectMany(c => c?["outputs"] as System.Text.Json.Nodes.JsonArray ?? []),
            o => o?["data"]?["text/html"] is { } html && Tutorial.Notebooks.Rendering.ChartHtml.IsChart(StockKernelRun.Text(html)));
    }

    [Theory]
    [MemberData(nameof(AllLessonsTests.Lessons), MemberType = typeof(AllLessonsTests))]
    public async Task Lesson_runs_cleanly_in_the_stock_kernel(string lesson)
    {
        var run = await CourseRuns.StockKernelAsync(lesson);

        var problems = StockKernelRun.Problems(run.Cells);
        Assert.True(problems.Count == 0, $"{run.Name} failed in the stock kernel:\n  {string.Join("\n  ", problems)}");
    }

    [Theory]
    [MemberData(nameof(ExerciseTests.ExerciseIds), MemberType = typeof(ExerciseTests))]
    public async Task Check_passes_the_solution_in_the_stock_kernel(string exerciseId)
    {
        var run = await CourseRuns.StockKernelAsync(Exercises.LessonOf(exerciseId).Id);

        var check = run.FollowUpText(Exercises.CheckLabel(exerciseId, null));
        Assert.Contains($"✅ PASS: {exerciseId}", check, StringComparison.Ordinal);
        Assert.Empty(StockKernelRun.Problems(run.FollowUps.Where(f => f.FollowUp.Label.Contains(exerciseId, StringComparison.Ordinal)).Select(f => f.Cell)));
    }

    [Theory]
    [MemberData(nameof(ExerciseTests.WrongSolutions), MemberType = typeof(ExerciseTests))]
    public async Task A_wrong_solution_redeclared_after_the_solution_gets_its_hint_in_the_stock_kernel(string key)
    {
        var (exerciseId, name) = (key.Split('/')[0], key.Split('/')[1]);
        var wrong = Exercises.WrongSolutionsOf(exerciseId).Single(w => w.Name == name);
        var run = await CourseRuns.StockKernelAsync(Exercises.LessonOf(exerciseId).Id);

        var check = run.FollowUpText(Exercises.CheckLabel(exerciseId, name));
        Assert.Contains($"❌ NOT YET: {exerciseId} - ", check, StringComparison.Ordinal);
        Assert.Contains(wrong.Expect, check, StringComparison.Ordinal);
    }

    [Fact]
    public void Follow_ups_follow_the_lesson_in_order_solution_then_check()
    {
        var notebook = NotebookDocument.Load(CourseRuns.Find("03").Path);

        var labels = Exercises.FollowUpsFor(notebook).Select(f => f.Label).ToList();

        var expected = new List<string> { "solution 03-defer-done", "check 03-defer-done after the solution" };
        foreach (var wrong in Exercises.WrongSolutionsOf("03-defer-done"))
            expected.AddRange([$"wrong solution 03-defer-done/{wrong.Name}", $"check 03-defer-done after wrong solution {wrong.Name}"]);
        Assert.True(expected.Count >= 4, "lesson 03's exercise has wrong solutions to follow the solution");
        Assert.Equal(expected, labels);
    }
}
