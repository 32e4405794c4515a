using System.Globalization;
using System.Text.RegularExpressions;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 09's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed partial class Lesson09PoolInProductionClaims
{
    [Fact]
    public async Task Lesson_09_the_pool_runs_all_1000_queries_and_never_opens_more_than_100()
    {
        var output = (await CourseRuns.EngineAsync("09")).CellContaining("ConnectionLimitedServer").StandardOutput;

        Assert.Contains("1000 inputs: 1000 succeeded, 0 dead-lettered, 0 not processed; most connections open at once: 100", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lesson_09_an_unread_result_channel_stalls_the_submitter_until_someone_reads()
    {
        var output = (await CourseRuns.EngineAsync("09")).CellContaining("ResultCapacity = 2").StandardOutput;
        var waited = double.Parse(Waited().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);

        Assert.True(waited >= 290, $"the stalled submission gave up after {waited} ms, well before its 300 ms patience ran out");
        Assert.Contains("once read: 6 results, pool completed: True", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lesson_09_retries_the_timeout_and_dead_letters_the_corrupt_file_after_one_attempt()
    {
        var output = (await CourseRuns.EngineAsync("09")).CellContaining("RetryRunAsync").StandardOutput;

        Assert.Contains("20 inputs: 19 succeeded, 1 dead-lettered, 0 not processed; fully accounted: True", output, StringComparison.Ordinal);
        Assert.Contains("retried: job 7 succeeded on attempt 2", output, StringComparison.Ordinal);
        Assert.Contains("DLQ: job 13: dead after 1 attempt: corrupt PNG header", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lesson_09_a_cancelled_run_accounts_for_every_input_it_was_given()
    {
        var output = (await CourseRuns.EngineAsync("09")).CellContaining("CountedResizeAsync").StandardOutput;
        var tally = Tally().Match(output);
        var notProcessed = NotProcessed().Match(output).Groups[1].Value.Split(", ").Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();

        Assert.True(tally.Success, output);
        Assert.Equal("20", tally.Groups[1].Value);
        Assert.Equal(20, int.Parse(tally.Groups[2].Value, CultureInfo.InvariantCulture) + notProcessed.Count);
        Assert.Equal("0", tally.Groups[3].Value);
        Assert.Equal(notProcessed.Count, int.Parse(tally.Groups[4].Value, CultureInfo.InvariantCulture));
        Assert.Contains("fully accounted: True", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lesson_09_disposing_reports_the_running_and_the_queued_jobs_as_not_processed()
    {
        var output = (await CourseRuns.EngineAsync("09")).CellContaining("threeRunning").StandardOutput;

        Assert.Contains("not processed: 1, 2, 3, 4, 5", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"gave up after waiting (\d+) ms")]
    private static partial Regex Waited();

    [GeneratedRegex(@"(\d+) inputs: (\d+) succeeded, (\d+) dead-lettered, (\d+) not processed; fully accounted")]
    private static partial Regex Tally();

    [GeneratedRegex(@"not processed: ([\d, ]+)")]
    private static partial Regex NotProcessed();
}
