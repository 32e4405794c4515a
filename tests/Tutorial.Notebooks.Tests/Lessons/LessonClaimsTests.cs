using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons;

/// <summary>
/// Claims every lesson shares. A lesson's own claims are in Claims/LessonNN*Claims.cs; most live in the lesson itself, as
/// key figures with models whose verdicts AllLessonsTests asserts.
/// </summary>
public sealed class LessonClaimsTests
{
    public static TheoryData<string> LessonsWithCharts() =>
        new(CourseRuns.Lessons.Where(l => File.ReadAllText(l.Path).Contains("ConcurrencyCharts.", StringComparison.Ordinal)).Select(l => l.Id));

    [Theory]
    [MemberData(nameof(LessonsWithCharts))]
    public async Task Lesson_that_draws_charts_displays_them(string lesson)
    {
        var run = await CourseRuns.EngineAsync(lesson);
        Assert.Contains(run.Cells.SelectMany(c => c.Outputs), o => o.IsChart);
    }
}
