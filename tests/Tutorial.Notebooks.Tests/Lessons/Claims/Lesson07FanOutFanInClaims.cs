using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 07's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson07FanOutFanInClaims
{
    [Fact]
    public async Task Lesson_07_five_concurrent_jobs_take_about_one_job()
    {
        var run = await CourseRuns.EngineAsync("07");
        Assert.True(NotebookAssert.KeyFigureNumber(run, "fan-out 5 x 50 ms") < 80);
    }
}
