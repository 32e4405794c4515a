using System.Text.RegularExpressions;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 08's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed partial class Lesson08WorkerPoolClaims
{
    [Fact]
    public async Task Lesson_08_every_refused_query_comes_back_as_a_failed_result_naming_the_limit()
    {
        var run = await CourseRuns.EngineAsync("08");
        var output = run.CellContaining("ConnectionLimitedServer").StandardOutput;
        var succeeded = int.Parse(Succeeded().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(1000, succeeded + NotebookAssert.KeyFigureNumber(run, "queries refused"));
        Assert.Contains("error: too many connections: all 100 are in use", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lesson_08_sweeps_every_worker_count_with_a_model_and_reads_the_round_cost_off_1_worker()
    {
        var run = await CourseRuns.EngineAsync("08");

        Assert.True(NotebookAssert.KeyFigure(run, "ε, a round's cost beyond its 20 ms job (1 worker)").HasModel, "ε has no model");
        foreach (var workers in Enumerable.Range(2, 9))
            Assert.True(NotebookAssert.KeyFigure(run, $"sweep, {workers} workers").HasModel, $"sweep point {workers} has no model");
    }

    [GeneratedRegex(@"(\d+) succeeded")]
    private static partial Regex Succeeded();
}
