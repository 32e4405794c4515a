using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 02's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson02LaunchAndWaitClaims
{
    [Fact]
    public async Task Lesson_02_shows_work_lost_without_waiting_and_kept_with_it()
    {
        var run = await CourseRuns.EngineAsync("02");
        Assert.Equal(0, NotebookAssert.KeyFigureNumber(run, "results when main returned without waiting"));
        Assert.Equal(3, NotebookAssert.KeyFigureNumber(run, "results when main returned after waiting"));
    }
}
