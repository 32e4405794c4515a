using System.Diagnostics;
using Tutorial.Notebooks.Execution;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Engine;

public sealed class NotebookExecutorTests
{
    [Fact]
    public async Task Passing_notebook_runs_every_code_cell_with_the_setup_cells_and_the_library()
    {
        var run = await FixtureRuns.GetAsync(TestPaths.Fixture("01-setup-and-chart"));

        NotebookAssert.RanCleanly(run);
        Assert.True(run.Succeeded);
        Assert.Equal(7, run.CodeCells.Count());
        Assert.All(run.CodeCells, c => Assert.Equal(CellStatus.Passed, c.Status));
        Assert.Contains("hello notebook from Tutorial.Concurrency", run.CellContaining("hello notebook from").StandardOutput);
    }

    [Fact]
    public async Task Cells_are_numbered_like_the_editor_counts_them_markdown_included()
    {
        var run = await FixtureRuns.GetAsync(TestPaths.Fixture("01-setup-and-chart"));

        Assert.Equal(CellStatus.NotExecutable, run.Cell(1).Status);
        Assert.StartsWith("// Setup 1/2", run.Cell(2).Cell.Source, StringComparison.Ordinal);
        Assert.Equal(1, run.Cell(2).ExecutionCount);
        Assert.Equal(2, run.Cell(3).ExecutionCount);
    }

    [Fact]
    public async Task A_chart_as_last_expression_and_a_displayed_chart_are_captured_as_html()
    {
        var run = await FixtureRuns.GetAsync(TestPaths.Fixture("01-setup-and-chart"));

        var returned = Assert.Single(run.CellContaining("new[] { 200.0").Outputs, o => o.Kind == OutputKind.ReturnValue);
        Assert.True(returned.IsChart, "the return value should be a Plotly chart, proving Plotly.NET.Interactive's formatter was loaded");
        var displayed = run.CellContaining(".Display()");
        Assert.Contains(displayed.Outputs, o => o.Kind == OutputKind.Display && o.IsChart);
        Assert.Equal("displayed\n", displayed.StandardOutput);
    }

    [Fact]
    public async Task Cells_run_in_the_notebooks_folder_and_the_working_directory_is_restored()
    {
        // A run of its own: a cached run may have ended long before, and another test's run may be under way right now.
        var (run, before, after) = await FixtureRuns.RunWatchingTheWorkingDirectoryAsync(TestPaths.Fixture("02-key-figures"), new ExecutionOptions());

        Assert.Contains(TestPaths.FixtureNotebooks, run.Cell(3).Text, StringComparison.Ordinal);
        Assert.NotEqual(TestPaths.FixtureNotebooks, before);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Key_figures_are_collected_from_marked_lines_only()
    {
        var run = await FixtureRuns.GetAsync(TestPaths.Fixture("02-key-figures"));

        Assert.Equal(
            ["20 jobs / 5 workers: 201.3 ms (ideal 200 ms)", "sequential: 1000 ms", "three waits: 150.4 ms · model: 3 × 50 ms, expect 135–165 ms · ✅ agrees",
             "one wait: 80 ms · model: 50 ms, expect 45–55 ms · ⚠️ busy: other processes used 1.7 of 2 cores while it ran; rerun the cell"],
            run.KeyFigures.Select(k => k.Text));
        Assert.Equal([KeyFigureVerdict.NoModel, KeyFigureVerdict.NoModel, KeyFigureVerdict.Agrees, KeyFigureVerdict.Busy], run.KeyFigures.Select(k => k.Verdict));
        Assert.Equal(2, run.KeyFigures[0].CellNumber);
        Assert.Equal(201.3, NotebookAssert.KeyFigureNumber(run, "workers"));
    }

    [Fact]
    public async Task A_failing_cell_is_reported_with_its_number_and_message_and_later_cells_do_not_run()
    {
        var run = await FixtureRuns.GetAsync(TestPaths.Broken("01-failing-cell"));

        Assert.False(run.Succeeded);
        var failure = Assert.IsType<CellResult>(run.FirstFailure);
        Assert.Equal(3, failure.Number);
        Assert.Equal(CellStatus.Failed, failure.Status);
        Assert.StartsWith("System.InvalidOperationException: the channel was closed twice", failure.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("before the failure\n", run.Cell(2).StandardOutput);
        Assert.Equal(CellStatus.NotRun, run.Cell(4).Status);
        Assert.Equal("01-failing-cell, cell 3: " + failure.Error, run.FailureMessage);
    }

    [Fact]
    public async Task A_compile_error_fails_the_cell_with_the_compiler_message()
    {
        var run = await FixtureRuns.GetAsync(TestPaths.Broken("03-compile-error"));

        var failure = Assert.IsType<CellResult>(run.FirstFailure);
        Assert.Contains("CS0029", failure.Error, StringComparison.Ordinal);
        Assert.Equal("CompilationError", failure.Outputs.Single(o => o.Kind == OutputKind.Error).ErrorName);
    }

    [Fact]
    public async Task Setup_cell_1_can_run_twice_and_charts_still_work()
    {
        var run = await FixtureRuns.GetAsync(TestPaths.Fixture("01-setup-and-chart"));

        Assert.Equal(run.Cell(2).Cell.Source, run.Cell(10).Cell.Source);
        Assert.Equal(CellStatus.Passed, run.Cell(10).Status);
        Assert.Contains(run.Cell(11).Outputs, o => o.IsChart);
    }

    [Fact]
    public async Task Setup_cell_1_says_in_one_sentence_how_to_build_a_missing_library()
    {
        var run = await FixtureRuns.GetAsync(TestPaths.Broken("06-library-missing"));

        var failure = Assert.IsType<CellResult>(run.FirstFailure);
        Assert.Equal(2, failure.Number);
        Assert.Equal(
            "System.IO.FileNotFoundException: The course library is not built: run `dotnet build lib/Tutorial.Concurrency` from the repository root, then restart the kernel.",
            failure.ErrorSummary);
        Assert.Equal(CellStatus.NotRun, run.Cell(3).Status);
    }

    [Fact]
    public async Task Standard_error_is_captured_separately_and_does_not_fail_the_cell()
    {
        var run = await FixtureRuns.GetAsync(TestPaths.Broken("04-writes-stderr"));

        Assert.Equal(CellStatus.Passed, run.Cell(1).Status);
        Assert.Equal("warning: something looks wrong\n", run.Cell(1).StandardError);
        var failure = Assert.ThrowsAny<Exception>(() => NotebookAssert.RanCleanly(run));
        Assert.Contains("cell 1 wrote to stderr: warning: something looks wrong", failure.Message, StringComparison.Ordinal);
    }
}
