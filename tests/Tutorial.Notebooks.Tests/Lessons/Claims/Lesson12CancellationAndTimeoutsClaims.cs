using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 12's claims that its key figures' models do not already check: on what the lesson printed, and the
/// .NET behaviour its text states. One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson12CancellationAndTimeoutsClaims
{
    [Fact]
    public async Task Lesson_12_Cancel_in_a_finally_stops_the_prefetch_that_Dispose_leaves_running()
    {
        var run = await CourseRuns.EngineAsync("12");
        Assert.True(NotebookAssert.KeyFigureNumber(run, "prefetch ran, Cancel() in a finally") * 3
            < NotebookAssert.KeyFigureNumber(run, "prefetch ran, only Dispose()"));
    }

    [Fact]
    public async Task Lesson_12_WaitAsync_stops_the_wait_while_the_job_goes_on()
    {
        var run = await CourseRuns.EngineAsync("12");
        Assert.True(NotebookAssert.KeyFigureNumber(run, "and the job went on working for")
            > NotebookAssert.KeyFigureNumber(run, "WaitAsync(50 ms) reported the timeout after"));
    }

    [Fact]
    public async Task Lesson_12_the_starter_is_told_it_leaves_resizes_running()
    {
        var check = (await CourseRuns.EngineAsync("12")).CellContaining("Exercise.CheckAsync(\"12-first-in-time\"");
        Assert.Contains("were still running when FirstInTimeAsync returned", check.StandardOutput, StringComparison.Ordinal);
    }

    // The text: Dispose() cancels nothing, a token taken before it can still be passed and registered on and never fires,
    // and Cancel() after it throws.
    [Fact]
    public async Task Disposing_a_source_does_not_cancel_its_token_and_cancelling_after_dispose_throws()
    {
        var cts = new CancellationTokenSource();
        var token = cts.Token;
        var fired = false;
        using var registration = token.Register(() => fired = true);
        cts.Dispose();

        await Task.Delay(5, token);                        // a wait with the token still runs to its end
        using var late = token.Register(() => fired = true); // registering after the dispose does not throw
        Assert.False(token.IsCancellationRequested);
        Assert.False(fired);
        Assert.Throws<ObjectDisposedException>(() => cts.Cancel());
    }

    // The text: a linked source is cancelled by its parent (WithCancel(parent)), and CancelAfter fires it by itself (WithTimeout).
    [Fact]
    public async Task A_linked_source_follows_its_parent_and_CancelAfter_fires_it()
    {
        using var parent = new CancellationTokenSource();
        using var child = CancellationTokenSource.CreateLinkedTokenSource(parent.Token);
        parent.Cancel();
        Assert.True(child.IsCancellationRequested);

        using var timed = new CancellationTokenSource();
        timed.CancelAfter(TimeSpan.FromMilliseconds(10));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(TimeSpan.FromSeconds(10), timed.Token)).WaitAsync(TimeSpan.FromSeconds(5));
    }
}
