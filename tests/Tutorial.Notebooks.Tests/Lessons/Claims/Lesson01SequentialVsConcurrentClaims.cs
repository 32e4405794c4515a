using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 01's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson01SequentialVsConcurrentClaims
{
    [Fact]
    public async Task Lesson_01_sequential_is_the_sum_and_concurrent_is_the_longest_job()
    {
        var run = await CourseRuns.EngineAsync("01");
        Assert.True(NotebookAssert.KeyFigureNumber(run, "sequential, 3 x 50 ms") >= 140);
        Assert.True(NotebookAssert.KeyFigureNumber(run, "concurrent, 3 x 50 ms") < 80);
    }
}
