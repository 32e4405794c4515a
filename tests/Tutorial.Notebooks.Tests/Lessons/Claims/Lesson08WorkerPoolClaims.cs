using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 08's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson08WorkerPoolClaims
{
    [Fact]
    public async Task Lesson_08_twenty_jobs_on_five_workers_take_about_four_waves()
    {
        var run = await CourseRuns.EngineAsync("08");
        Assert.InRange(NotebookAssert.KeyFigureNumber(run, "pool 20 jobs / 5 workers"), 195, 260);
    }
}
