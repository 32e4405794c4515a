using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 12's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson12CancellationAndTimeoutsClaims
{
    [Fact]
    public async Task Lesson_12_first_error_cancellation_reports_before_WhenAll()
    {
        var run = await CourseRuns.EngineAsync("12");
        Assert.True(NotebookAssert.KeyFigureNumber(run, "errgroup-style group reported the error after")
            < NotebookAssert.KeyFigureNumber(run, "Task.WhenAll reported the error after"));
    }
}
