using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 06's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson06ClosingAndDeadlockClaims
{
    [Fact]
    public async Task The_unwatched_reader_gets_all_three_names_and_then_only_the_safety_net_ends_it()
    {
        var run = await CourseRuns.EngineAsync("06");
        var cell = run.CellContaining("ReadAllAsync(patience.Token)");
        Assert.Matches(@"received image\d\.png, image\d\.png, image\d\.png; then nothing until the safety net fired after 1 s", cell.StandardOutput);
        Assert.DoesNotContain("done", cell.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_forgotten_close_is_reported_with_only_main_parked_on_the_channel()
    {
        var run = await CourseRuns.EngineAsync("06");
        var cell = run.CellContaining("GoProgram.RunAsync(ForgottenCloseAsync)");
        Assert.Contains("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]: results\n", cell.StandardOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("goroutine 2", cell.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_heartbeat_nothing_is_reported_as_in_Go_and_the_timeout_lists_the_heartbeat_as_running()
    {
        var run = await CourseRuns.EngineAsync("06");
        var cell = run.CellContaining("\"heartbeat\"");
        Assert.DoesNotContain("deadlock!", cell.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("did not finish within 1 s", cell.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("goroutine 1 [chan receive]: results", cell.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("goroutine 2 [running]:", cell.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("heartbeat", cell.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_before_reading_is_reported_as_main_on_the_WaitGroup_and_three_senders()
    {
        var run = await CourseRuns.EngineAsync("06");
        var cell = run.CellContaining("wait for every sender first");
        Assert.Contains("goroutine 1 [sync.WaitGroup.Wait]: WaitGroup (counter 3)", cell.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(3, cell.StandardOutput.Split("[chan send]: results").Length - 1);
    }

    [Fact]
    public async Task Closing_too_early_loses_all_three_names_and_closing_twice_fails_with_Gos_message()
    {
        var run = await CourseRuns.EngineAsync("06");
        var cell = run.CellContaining("too early: the senders are still resizing");
        Assert.Equal(3, cell.StandardOutput.Split("a sender failed: send on closed channel").Length - 1);
        Assert.Contains("received: 0 names", cell.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("closing again: close of closed channel", cell.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveAsync_gives_the_queued_values_then_null_and_false()
    {
        var run = await CourseRuns.EngineAsync("06");
        var cell = run.CellContaining("two.Reader.ReceiveAsync()");
        Assert.Contains("receive 1: value = image1.png, ok = True", cell.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("receive 2: value = image2.png, ok = True", cell.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("receive 3: value = null, ok = False", cell.StandardOutput, StringComparison.Ordinal);
    }
}
