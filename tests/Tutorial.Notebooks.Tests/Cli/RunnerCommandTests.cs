using Tutorial.Notebooks.Cli;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Cli;

[Collection(NotebookCollection.Name)]
public sealed class RunnerCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await RunnerCommand.RunAsync(args, output, error).WaitAsync(Limit);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Passing_course_exits_0_writes_notebooks_with_outputs_and_the_site_and_prints_the_summary()
    {
        var outFolder = TestPaths.NewOutputFolder("cli-pass");

        var (exitCode, output, error) = await RunAsync("--notebooks", TestPaths.FixtureNotebooks, "--out", outFolder);

        Assert.True(exitCode == 0, output + error);
        Assert.Equal("", error);
        Assert.Contains("[1/2] 01-setup-and-chart  (7 code cells)", output, StringComparison.Ordinal);
        Assert.Contains("[2/2] 02-key-figures  (2 code cells)", output, StringComparison.Ordinal);
        Assert.Matches(@"lesson +cells +passed +failed +seconds +key figures", output);
        Assert.Matches(@"02-key-figures +2 +2 +0 +\d+\.\d +20 jobs / 5 workers: 201\.3 ms \(ideal 200 ms\); sequential: 1000 ms", output);
        Assert.Contains("2 lessons, 9 cells: all passed", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outFolder, "notebooks", "01-setup-and-chart.ipynb")));
        Assert.True(File.Exists(Path.Combine(outFolder, "notebooks", "02-key-figures.ipynb")));
        Assert.True(File.Exists(Path.Combine(outFolder, "site", "index.html")));
        Assert.True(File.Exists(Path.Combine(outFolder, "site", "assets", "plotly.min.js")));
    }

    [Fact]
    public async Task Lessons_are_selected_by_number_or_name_and_no_site_skips_the_site()
    {
        var outFolder = TestPaths.NewOutputFolder("cli-select");

        var (exitCode, output, _) = await RunAsync("key-figures", "--notebooks", TestPaths.FixtureNotebooks, "--out", outFolder, "--no-site");

        Assert.Equal(0, exitCode);
        Assert.Contains("[1/1] 02-key-figures", output, StringComparison.Ordinal);
        Assert.DoesNotContain("01-setup-and-chart", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(outFolder, "site")));
    }

    [Fact]
    public async Task A_failing_cell_exits_1_naming_lesson_cell_and_error()
    {
        var (exitCode, output, _) = await RunAsync("01", "--notebooks", TestPaths.BrokenNotebooks, "--out", TestPaths.NewOutputFolder("cli-fail"));

        Assert.Equal(1, exitCode);
        Assert.Contains("error: 01-failing-cell, cell 3 failed: System.InvalidOperationException: the channel was closed twice", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at Submission", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_cell_exits_1_naming_lesson_cell_and_timeout()
    {
        var (exitCode, output, _) = await RunAsync("hanging-cell", "--timeout", "8", "--notebooks", TestPaths.BrokenNotebooks, "--out", TestPaths.NewOutputFolder("cli-hang"));

        Assert.Equal(1, exitCode);
        Assert.Contains("error: 02-hanging-cell, cell 3 timed out: cell 3 did not finish within 8 s (the per-cell timeout)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_lesson_exits_2_and_lists_the_lessons()
    {
        var (exitCode, output, error) = await RunAsync("12", "--notebooks", TestPaths.FixtureNotebooks);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Equal(
            $"error: no lesson matches '12'; the lessons are:{Environment.NewLine}  01  setup-and-chart{Environment.NewLine}  02  key-figures{Environment.NewLine}",
            error);
    }

    [Fact]
    public async Task An_invalid_notebook_exits_2_naming_the_file_and_the_problem_before_anything_runs()
    {
        var (exitCode, output, error) = await RunAsync("05", "--notebooks", TestPaths.BrokenNotebooks);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith($"error: {TestPaths.Broken("05-invalid-json")}: not a valid notebook: the file is not valid JSON at line 3", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timeout", "soon", "error: --timeout needs a positive number of seconds, not 'soon'")]
    [InlineData("--frobnicate", null, "error: unknown option '--frobnicate' (see --help)")]
    [InlineData("--out", null, "error: --out needs a value (see --help)")]
    public async Task Usage_errors_exit_2_with_one_line(string option, string? value, string message)
    {
        var (exitCode, _, error) = await RunAsync(value is null ? [option] : [option, value]);

        Assert.Equal(2, exitCode);
        Assert.Equal(message + Environment.NewLine, error);
    }

    [Fact]
    public async Task Help_describes_the_options_and_the_key_figure_convention()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        foreach (var expected in new[] { "--out DIR", "--timeout SECONDS", "--no-site", "📌" })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }
    }
}
