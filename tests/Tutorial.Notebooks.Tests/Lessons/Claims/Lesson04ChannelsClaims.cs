using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 04's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson04ChannelsClaims
{
    [Fact]
    public async Task Lesson_04_names_arrive_in_the_order_they_were_sent()
    {
        var run = await CourseRuns.EngineAsync("04");
        var received = string.Join("\n", Enumerable.Range(1, 5).Select(id => $"received image{id}.png"));
        Assert.Contains(received, run.CellContaining("Chan.Make<string>(3)").StandardOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lesson_04_full_modes_keep_and_drop_what_the_text_says()
    {
        // The prose lists, per mode, what TryWrite returned for 1..5 and what a capacity-2 channel kept and dropped.
        var output = (await CourseRuns.EngineAsync("04")).CellContaining("FillToOverflow").StandardOutput;
        Assert.Matches(@"Wait\s+accepted: yes yes no no no\s+kept: \[1, 2\]\s+dropped: \[\]", output);
        Assert.Matches(@"DropOldest\s+accepted: yes yes yes yes yes\s+kept: \[4, 5\]\s+dropped: \[1, 2, 3\]", output);
        Assert.Matches(@"DropNewest\s+accepted: yes yes yes yes yes\s+kept: \[1, 5\]\s+dropped: \[2, 3, 4\]", output);
        Assert.Matches(@"DropWrite\s+accepted: yes yes yes yes yes\s+kept: \[1, 2\]\s+dropped: \[3, 4, 5\]", output);
    }
}
