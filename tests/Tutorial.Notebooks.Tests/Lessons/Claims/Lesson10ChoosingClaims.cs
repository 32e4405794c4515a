using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 10's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson10ChoosingClaims
{
    [Fact]
    public async Task Lesson_10_blocking_jobs_starve_the_pool_and_async_ones_do_not()
    {
        var run = await CourseRuns.EngineAsync("10");
        var blocking = NotebookAssert.KeyFigureNumber(run, "100 blocking 50 ms jobs via fan-out");
        var async = NotebookAssert.KeyFigureNumber(run, "100 async 50 ms jobs via fan-out");
        Assert.True(async < 80, $"100 async waits of 50 ms took {async} ms");
        Assert.True(blocking > 150, $"100 blocking 50 ms jobs took {blocking} ms: the pool did not starve, so the lesson's text would be wrong");
    }
}
