using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 06's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson06ClosingAndDeadlockClaims
{
    [Fact]
    public async Task Lesson_06_deadlock_demo_ends_with_the_Go_style_diagnosis()
    {
        var run = await CourseRuns.EngineAsync("06");
        Assert.Contains("fatal error: all goroutines are asleep - deadlock!", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[chan receive]", run.StandardOutput, StringComparison.Ordinal);
        Assert.True(NotebookAssert.KeyFigureNumber(run, "deadlock diagnosed after") < 1000);
    }
}
