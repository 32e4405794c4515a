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
        NotebookAssert.KeyFiguresKeepTheirModels(await CourseRuns.VerdictsAsync(lesson), output.WriteLine);
    }

    [Theory]
    [InlineData("01-setup-and-chart")]
    [InlineData("02-key-figures")]
    public async Task Fixture_course_notebook_runs_cleanly_in_the_engine(string name) =>
        NotebookAssert.RanCleanly(await FixtureRuns.GetAsync(TestPaths.Fixture(name)));
}
