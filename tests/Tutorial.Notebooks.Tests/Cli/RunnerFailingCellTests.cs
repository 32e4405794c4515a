using System.Text.Json.Nodes;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Cli;

/// <summary>A failing cell: exit 1 and one line naming lesson, cell and error.</summary>
public sealed class RunnerFailingCellTests
{
    private static Task<RunnerOutcome> RunAsync(params string[] args) => RunnerOutcome.RunAsync(args);

    [Fact]
    public async Task A_failing_cell_exits_1_naming_lesson_cell_and_error()
    {
        var outFolder = TestPaths.NewOutputFolder("cli-fail");
        var outcome = await RunAsync("failing-cell", "--notebooks", TestPaths.BrokenNotebooks, "--out", outFolder, "--no-site");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("error: 01-failing-cell, cell 3 failed: System.InvalidOperationException: the channel was closed twice", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at Submission", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("03-compile-error", outcome.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(outFolder, "site")), "--no-site writes no site");
    }
}
