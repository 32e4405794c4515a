using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 13's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson13SelectClaims
{
    [Fact]
    public async Task Lesson_13_the_two_channels_arrive_interleaved_each_value_once()
    {
        var output = (await CourseRuns.EngineAsync("13")).CellContaining("TwoChannelsAsync, run => run.Ended").StandardOutput;
        var values = output.Split('\n').Where(l => l.Contains(" ms  ", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(" ms  ", StringComparison.Ordinal) + 5)..].Trim()).ToList();

        Assert.Equal(["fast 1", "fast 2", "fast 3", "fast 4", "slow 1", "slow 2", "slow 3"], values.Order(StringComparer.Ordinal));
        Assert.True(values.IndexOf("slow 1") < values.IndexOf("fast 4"), $"slow 1 (about 100 ms) should come before fast 4 (about 120 ms): {string.Join(", ", values)}");
        Assert.True(values.IndexOf("fast 4") < values.IndexOf("slow 2"), $"fast 4 should come before slow 2 (about 200 ms): {string.Join(", ", values)}");
    }

    [Fact]
    public async Task Lesson_13_the_default_case_runs_when_nothing_is_ready()
    {
        var run = await CourseRuns.EngineAsync("13");
        Assert.Contains("the select ran 'default'", NotebookAssert.KeyFigure(run, "with a default").Text, StringComparison.Ordinal);
    }
}
