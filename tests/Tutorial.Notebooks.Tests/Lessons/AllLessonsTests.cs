using Tutorial.Notebooks.Execution;
using Tutorial.Notebooks.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Tutorial.Notebooks.Tests.Lessons;

/// <summary>Every lesson in <c>notebooks/</c> runs start to finish in the engine with no failing cell and nothing on
/// stderr, and every key figure it prints keeps its model: <c>❌ outside</c> fails; <c>⚠️ busy</c> reruns the lesson once,
/// as a learner would, and a figure still busy after that passes with a warning (the machine was measured busy);
/// nothing widens a tolerance. Lesson-specific claims are in <see cref="LessonClaimsTests"/>.</summary>
public sealed class AllLessonsTests(ITestOutputHelper output)
{
    /// <summary>One row per lesson; xunit fails a theory with no rows, so a course without lessons fails too.</summary>
    public static TheoryData<string> Lessons() => new(CourseRuns.Lessons.Select(l => l.Id));

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task Lesson_runs_cleanly_in_the_engine(string lesson) =>
        NotebookAssert.RanCleanly(await CourseRuns.EngineAsync(lesson));

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task Key_figures_agree_with_their_models(string lesson)
    {
        var runs = await CourseRuns.VerdictsAsync(lesson);

        var unreadable = runs.First.KeyFigures.Where(k => k.Verdict == KeyFigureVerdict.Unreadable).ToList();
        Assert.True(unreadable.Count == 0, $"{lesson}: key-figure lines that break the format:\n  {NotebookAssert.Describe(unreadable)}");
        if (runs.Rerun is { } rerun)
        {
            output.WriteLine($"{lesson}: rerun once because figures were measured on a busy machine:\n  {NotebookAssert.Describe(runs.First.KeyFigures.Where(k => k.Verdict == KeyFigureVerdict.Busy))}");
            NotebookAssert.RanCleanly(rerun);
        }

        var final = runs.Final.KeyFigures;
        var outside = final.Where(k => k.Verdict is KeyFigureVerdict.Outside or KeyFigureVerdict.Unreadable).ToList();
        Assert.True(outside.Count == 0, $"{lesson}: key figures outside their models on a quiet machine:\n  {NotebookAssert.Describe(outside)}");
        var busy = final.Where(k => k.Verdict == KeyFigureVerdict.Busy).ToList();
        if (busy.Count > 0)
        {
            output.WriteLine($"WARNING {lesson}: still busy after one rerun, passing (the machine was measured busy):\n  {NotebookAssert.Describe(busy)}");
        }

        output.WriteLine($"{lesson}: {final.Count(k => k.Verdict == KeyFigureVerdict.Agrees)} of {final.Count(k => k.HasModel)} modelled figures agree, {final.Count(k => !k.HasModel)} without a model");
    }

    [Theory]
    [InlineData("01-setup-and-chart")]
    [InlineData("02-key-figures")]
    public async Task Fixture_course_notebook_runs_cleanly_in_the_engine(string name) =>
        NotebookAssert.RanCleanly(await FixtureRuns.GetAsync(TestPaths.Fixture(name)));
}
