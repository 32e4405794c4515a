using System.Globalization;
using System.Text.RegularExpressions;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 01's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed partial class Lesson01SequentialVsConcurrentClaims
{
    [Fact]
    public async Task Lesson_01_sequential_is_the_sum_and_concurrent_is_the_longest_job()
    {
        // Whatever the machine's load, one after another can never beat three whole waits, and at once is far below it.
        var run = await CourseRuns.EngineAsync("01");
        var sequential = NotebookAssert.KeyFigureNumber(run, "sequential, 3 x 50 ms");
        var concurrent = NotebookAssert.KeyFigureNumber(run, "concurrent, 3 x 50 ms");
        Assert.True(sequential >= 150, $"three 50 ms jobs one after another took {sequential} ms");
        Assert.True(concurrent >= 50 && concurrent < sequential / 2, $"three 50 ms jobs at once took {concurrent} ms (one after another: {sequential} ms)");
    }

    [Fact]
    public async Task Lesson_01_gantt_bars_are_chained_one_after_another_and_stacked_at_once()
    {
        // The prose reads the printed entries: a staircase (each job starts when the previous one ended) and a stack.
        var run = await CourseRuns.EngineAsync("01");
        var chained = Entries(run.CellContaining("RecordOneByOneAsync()").StandardOutput);
        var stacked = Entries(run.CellContaining("RecordAllAtOnceAsync()").StandardOutput);
        Assert.Equal(3, chained.Count);
        Assert.Equal(3, stacked.Count);
        for (var i = 1; i < chained.Count; i++)
            Assert.True(chained[i].Start >= chained[i - 1].End, $"sequential job {i + 1} started at {chained[i].Start} ms, before job {i} ended at {chained[i - 1].End} ms");
        Assert.True(stacked.Max(e => e.Start) < stacked.Min(e => e.End), "the concurrent jobs did not all overlap");
    }

    private static List<(double Start, double End)> Entries(string output) =>
        [.. Entry().Matches(output).Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))];

    [GeneratedRegex(@"ran job \d+: (\d+\.\d)-(\d+\.\d) ms")]
    private static partial Regex Entry();
}
