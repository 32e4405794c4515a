using System.Globalization;
using System.Text.RegularExpressions;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 02's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed partial class Lesson02LaunchAndWaitClaims
{
    [Fact]
    public async Task Lesson_02_main_speaks_before_its_workers_finish_without_waiting_and_after_them_with_waiting()
    {
        // The prose reads the logs by their timestamps: main first when it forgets its tasks, main last when it owns them.
        var run = await CourseRuns.EngineAsync("02");
        var forgotten = Log(run.CellContaining("int MainWithoutWaiting()").StandardOutput);
        var owned = Log(run.CellContaining("async Task MainWaitingAsync(").StandardOutput);
        Assert.True(forgotten.Main < forgotten.Workers.Min(), $"main reported at {forgotten.Main} ms, after a worker finished at {forgotten.Workers.Min()} ms");
        Assert.True(owned.Main >= owned.Workers.Max(), $"main reported at {owned.Main} ms, before the last worker finished at {owned.Workers.Max()} ms");
        Assert.Equal(3, owned.Workers.Count);
    }

    [Fact]
    public async Task Lesson_02_compares_memory_with_Go_s_minimum_stack_labelled_as_not_measured()
    {
        var run = await CourseRuns.EngineAsync("02");
        var chart = run.CellContaining("ConcurrencyCharts.Bars(");
        Assert.Contains("goroutine stack, Go 1.25 minimum (not measured)", chart.Cell.Source, StringComparison.Ordinal);
        Assert.Contains(chart.Outputs, o => o.IsChart);
        Assert.True(NotebookAssert.KeyFigureNumber(run, "memory allocated per waiting async task") < 2048, "keeping a task waiting should allocate less than a goroutine's minimum stack");
    }

    private static (double Main, List<double> Workers) Log(string output)
    {
        double At(Match m) => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var main = LogLine().Matches(output).Single(m => m.Groups[2].Value.StartsWith("main: done", StringComparison.Ordinal));
        var workers = LogLine().Matches(output).Where(m => m.Groups[2].Value.EndsWith(": done", StringComparison.Ordinal) && m.Groups[2].Value.StartsWith("worker ", StringComparison.Ordinal));
        return (At(main), [.. workers.Select(At)]);
    }

    [GeneratedRegex(@"^\[\s*(\d+\.\d) ms\] (.+)$", RegexOptions.Multiline)]
    private static partial Regex LogLine();
}
