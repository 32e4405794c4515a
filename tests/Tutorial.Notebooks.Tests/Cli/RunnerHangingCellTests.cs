using System.Text.Json.Nodes;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Cli;

/// <summary>A hanging cell: exit 1, the timeout named, what the cell printed kept.</summary>
public sealed class RunnerHangingCellTests
{
    private static Task<RunnerOutcome> RunAsync(params string[] args) => RunnerOutcome.RunAsync(args);

    [Fact]
    public async Task A_hanging_cell_exits_1_naming_lesson_cell_and_timeout_and_keeps_what_it_printed()
    {
        // The timeout is what this test waits for the hang. The lesson's process warms its compiler up before the lesson
        // starts, so the first cell (a print) takes a fraction of a second; the timeout leaves it ten times that on a busy machine.
        var outFolder = TestPaths.NewOutputFolder("cli-hang");
        var outcome = await RunAsync("02", "--timeout", "8", "--notebooks", TestPaths.BrokenNotebooks, "--out", outFolder, "--no-site");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("error: 02-hanging-cell, cell 3 timed out: cell 3 did not finish within 8 s (the per-cell timeout)", outcome.Output, StringComparison.Ordinal);
        var hung = JsonNode.Parse(File.ReadAllText(Path.Combine(outFolder, "notebooks", "02-hanging-cell.ipynb")))!["cells"]!.AsArray();
        var outputs = hung[2]!["outputs"]!.AsArray();
        Assert.Equal("waiting forever\n", string.Concat(outputs.Single(o => (string?)o!["name"] == "stdout")!["text"]!.AsArray().Select(l => (string?)l)));
        Assert.Equal("cell 3 did not finish within 8 s (the per-cell timeout); the kernel was stopped and the remaining cells were not run",
            (string?)outputs.Single(o => (string?)o!["output_type"] == "error")!["evalue"]);
        Assert.Empty(hung[3]!["outputs"]!.AsArray());
        Assert.Null(hung[3]!["execution_count"]);
    }
}
