using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 03's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson03WaitGroupClaims
{
    [Fact]
    public async Task Lesson_03_missing_finally_hangs_with_one_outstanding_and_the_owner_still_sees_the_error()
    {
        var run = await CourseRuns.EngineAsync("03");
        var hang = run.CellContaining("var wgNoFinally").StandardOutput;
        Assert.Contains("gave up at the 1 s timeout, Count = 1", hang, StringComparison.Ordinal);
        Assert.Contains("the owner's await rethrew: image2.png is corrupt", hang, StringComparison.Ordinal);
        Assert.True(NotebookAssert.KeyFigureNumber(run, "wait without finally, gave up after") >= 900);
    }

    [Fact]
    public async Task Lesson_03_a_discarded_task_loses_the_error_and_wg_Go_reports_it()
    {
        var run = await CourseRuns.EngineAsync("03");
        // The cell's whole output (text and errors): the exception of the discarded task appears nowhere.
        var discarded = run.CellContaining("var wgFinally").Text;
        Assert.Contains("the wait finished, Count = 0", discarded, StringComparison.Ordinal);
        Assert.DoesNotContain("corrupt", discarded, StringComparison.Ordinal);
        Assert.Contains("a worker failed: InvalidOperationException: image2.png is corrupt", run.CellContaining("var wgGo").StandardOutput, StringComparison.Ordinal);
        Assert.Contains("sync: negative WaitGroup counter", run.CellContaining("var wgMisused").StandardOutput, StringComparison.Ordinal);
    }
}
