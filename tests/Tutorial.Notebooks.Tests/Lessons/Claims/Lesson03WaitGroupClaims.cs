using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 03's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson03WaitGroupClaims
{
    [Fact]
    public async Task Lesson_03_missing_finally_hangs_until_the_timeout()
    {
        var run = await CourseRuns.EngineAsync("03");
        Assert.True(NotebookAssert.KeyFigureNumber(run, "wait without finally, gave up after") >= 900);
        Assert.Contains("sync: negative WaitGroup counter", run.StandardOutput, StringComparison.Ordinal);
    }
}
