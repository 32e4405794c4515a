using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 00's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson00StartHereClaims
{
    [Fact]
    public async Task Lesson_00_measures_a_precise_wait_against_Task_Delay()
    {
        var run = await CourseRuns.EngineAsync("00");
        var precise = NotebookAssert.KeyFigureNumber(run, "PreciseDelay 50 ms median");
        Assert.InRange(precise, 50, 55);
    }
}
