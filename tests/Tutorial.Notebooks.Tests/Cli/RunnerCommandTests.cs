using System.Text.Json.Nodes;
using Spectre.Console.Testing;
using Tutorial.Notebooks.Cli;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Cli;

/// <summary>The runner as a user meets it: exit codes, one-line errors for every bad input, checked before anything runs,
/// and the outputs it writes.</summary>
public sealed class RunnerCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>What one run of the runner printed; <see cref="OutputWhenErrorsWritten"/> is the console output at the time
    /// each error line was written, to prove that problems are reported before any lesson runs.</summary>
    private sealed record Outcome(int ExitCode, string Output, string Error, IReadOnlyList<string> OutputWhenErrorsWritten)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- output:\n{Output}\n--- error:\n{Error}";
    }

    private static async Task<Outcome> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var error = new RecordingWriter(console);
        int exitCode;
        using (await MachineGate.SharedAsync())
        {
            exitCode = await RunnerCommand.RunAsync(args, console, error).WaitAsync(Limit);
        }

        return new Outcome(exitCode, console.Output, error.ToString(), error.OutputAtEachLine);
    }

    [Fact]
    public async Task Passing_course_exits_0_writes_notebooks_key_figures_and_the_site_and_prints_the_summary()
    {
        var outFolder = TestPaths.NewOutputFolder("cli-pass");

        var outcome = await RunAsync("1", "key-figures", "--notebooks", TestPaths.FixtureNotebooks, "--out", outFolder);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("", outcome.Error);
        Assert.Contains("[1/2] 01-setup-and-chart  (7 code cells)", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("[2/2] 02-key-figures  (2 code cells)", outcome.Output, StringComparison.Ordinal);
        Assert.Matches(@"lesson +cells +passed +failed +seconds +result", outcome.Output);
        Assert.Matches(@"02-key-figures +2 +2 +0 +\d+\.\d +passed", outcome.Output);
        Assert.Matches(@"02-key-figures +2 +20 jobs / 5 workers +201\.3 ms \(ideal 200 ms\) +no model", outcome.Output);
        Assert.Matches(@"02-key-figures +3 +three waits +150\.4 ms +3 × 50 ms, expect 135–165 ms +✅ agrees", outcome.Output);
        Assert.Matches(@"02-key-figures +3 +one wait +80 ms +50 ms, expect 45–55 ms +⚠️ busy: other processes used 1\.7 of 2 cores while it ran; rerun the cell", outcome.Output);
        Assert.Contains("5 key figures, 1 of 2 with a model agree", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("2 lessons, 9 cells: all passed", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", outcome.Output, StringComparison.Ordinal); // a console without ANSI (a CI log) gets plain text
        Assert.True(File.Exists(Path.Combine(outFolder, "notebooks", "01-setup-and-chart.ipynb")));
        Assert.True(File.Exists(Path.Combine(outFolder, "notebooks", "02-key-figures.ipynb")));
        Assert.True(File.Exists(Path.Combine(outFolder, "site", "index.html")));
        Assert.True(File.Exists(Path.Combine(outFolder, "site", "assets", "plotly.min.js")));

        var figures = JsonNode.Parse(File.ReadAllText(Path.Combine(outFolder, "key-figures.json")))!["keyFigures"]!.AsArray();
        var workers = figures.Single(f => (string?)f!["name"] == "20 jobs / 5 workers")!;
        Assert.Equal("02-key-figures", (string?)workers["lesson"]);
        Assert.Equal(2, (int)workers["cell"]!);
        Assert.Equal(201.3, (double)workers["value"]!);
        Assert.Equal("no model", (string?)workers["verdict"]);
        Assert.Null(workers["model"]);
        var busy = figures.Single(f => (string?)f!["name"] == "one wait")!;
        Assert.Equal((80.0, "ms", "50 ms", 45.0, 55.0, "busy", "other processes used 1.7 of 2 cores while it ran; rerun the cell"),
            ((double)busy["value"]!, (string?)busy["unit"], (string?)busy["model"], (double)busy["low"]!, (double)busy["high"]!, (string?)busy["verdict"], (string?)busy["reason"]));
    }

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

    [Fact]
    public async Task A_hanging_cell_exits_1_naming_lesson_cell_and_timeout_and_keeps_what_it_printed()
    {
        // The timeout leaves room for the first cell, which warms up the compiler in a new process (slow on a busy machine).
        var outFolder = TestPaths.NewOutputFolder("cli-hang");
        var outcome = await RunAsync("02", "--timeout", "15", "--notebooks", TestPaths.BrokenNotebooks, "--out", outFolder, "--no-site");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("error: 02-hanging-cell, cell 3 timed out: cell 3 did not finish within 15 s (the per-cell timeout)", outcome.Output, StringComparison.Ordinal);
        var hung = JsonNode.Parse(File.ReadAllText(Path.Combine(outFolder, "notebooks", "02-hanging-cell.ipynb")))!["cells"]!.AsArray();
        var outputs = hung[2]!["outputs"]!.AsArray();
        Assert.Equal("waiting forever\n", string.Concat(outputs.Single(o => (string?)o!["name"] == "stdout")!["text"]!.AsArray().Select(l => (string?)l)));
        Assert.Equal("cell 3 did not finish within 15 s (the per-cell timeout); the kernel was stopped and the remaining cells were not run",
            (string?)outputs.Single(o => (string?)o!["output_type"] == "error")!["evalue"]);
        Assert.Empty(hung[3]!["outputs"]!.AsArray());
        Assert.Null(hung[3]!["execution_count"]);
    }

    [Fact]
    public async Task A_missing_lesson_exits_2_and_lists_the_lessons()
    {
        var outcome = await RunAsync("12", "--notebooks", TestPaths.FixtureNotebooks, "--out", TestPaths.NewOutputFolder("cli-missing"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Output);
        Assert.Equal($"error: no lesson matches '12'; the lessons are:{Environment.NewLine}  01  setup-and-chart{Environment.NewLine}  02  key-figures{Environment.NewLine}", outcome.Error);
    }

    [Theory]
    [InlineData("--timeout", "soon")]
    [InlineData("--timeout", "NaN")]
    [InlineData("--timeout", "Infinity")]
    [InlineData("--timeout", "1e10")]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "-5")]
    public async Task A_timeout_that_is_not_a_sensible_number_of_seconds_exits_2_with_one_line(string option, string value)
    {
        var outcome = await RunAsync(option, value);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"error: --timeout needs a number of seconds above 0 and at most 86400, not '{value}' (see --help){Environment.NewLine}", outcome.Error);
        Assert.Equal("", outcome.Output);
    }

    [Theory]
    [InlineData(new[] { "--frobnicate" }, "error: unknown option '--frobnicate' (see --help)")]
    [InlineData(new[] { "--out" }, "error: Required argument missing for option: '--out' (see --help)")]
    [InlineData(new[] { "--max-memory", "12" }, "error: --max-memory needs a whole number of megabytes, at least 256, not '12' (see --help)")]
    public async Task Usage_errors_exit_2_with_one_line(string[] args, string message)
    {
        var outcome = await RunAsync(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(message + Environment.NewLine, outcome.Error);
    }

    [Fact]
    public async Task A_lessons_folder_that_is_missing_a_file_or_empty_exits_2()
    {
        var missing = Path.Combine(TestPaths.NewOutputFolder("cli-nofolder"), "nope");
        var file = TestNotebooks.Write(TestPaths.NewOutputFolder("cli-file"), "01-x.ipynb", "1");
        var empty = TestPaths.NewOutputFolder("cli-empty");
        var notLessons = TestPaths.NewOutputFolder("cli-notlessons");
        TestNotebooks.Write(notLessons, "scratch.ipynb", "1");

        var outcomes = new[] { await RunAsync("--notebooks", missing), await RunAsync("--notebooks", file), await RunAsync("--notebooks", empty), await RunAsync("--notebooks", notLessons) };

        Assert.All(outcomes, o => Assert.True(o.ExitCode == 2 && o.Output == "" && o.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 1, o.ToString()));
        Assert.Equal($"error: {missing}: no such folder{Environment.NewLine}", outcomes[0].Error);
        Assert.Equal($"error: {file} is a file; --notebooks needs the folder that holds the lessons{Environment.NewLine}", outcomes[1].Error);
        Assert.Equal($"error: {empty} has no lessons: a lesson is a notebook named NN-name.ipynb{Environment.NewLine}", outcomes[2].Error);
        Assert.Equal($"error: {notLessons} has no lessons: a lesson is a notebook named NN-name.ipynb (1 other .ipynb file(s) there, e.g. scratch.ipynb){Environment.NewLine}", outcomes[3].Error);
    }

    [Fact]
    public async Task An_out_folder_that_would_overwrite_the_lessons_is_refused_and_nothing_is_written()
    {
        var course = TestPaths.NewOutputFolder("cli-source");
        var lessons = Path.Combine(course, "notebooks");
        var lesson = TestNotebooks.Write(lessons, "01-hello.ipynb", "Console.WriteLine(\"hello\");");
        var before = File.ReadAllText(lesson);

        var intoParent = await RunAsync("--notebooks", lessons, "--out", course);
        var intoLessons = await RunAsync("--notebooks", lessons, "--out", lessons);

        Assert.Equal(2, intoParent.ExitCode);
        Assert.Equal($"error: --out {course} would write into the lessons folder {lessons} ({lessons} is that folder) and overwrite the lessons; choose another output folder{Environment.NewLine}", intoParent.Error);
        Assert.Equal(2, intoLessons.ExitCode);
        Assert.StartsWith($"error: --out {lessons} would write into the lessons folder", intoLessons.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(lesson));
        Assert.Equal(["01-hello.ipynb"], Directory.GetFileSystemEntries(lessons).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_out_folder_that_cannot_be_created_exits_2_before_any_lesson_runs()
    {
        var blocker = Path.Combine(TestPaths.NewOutputFolder("cli-blocked"), "a-file");
        File.WriteAllText(blocker, "");

        var outcome = await RunAsync("--notebooks", TestPaths.FixtureNotebooks, "--out", Path.Combine(blocker, "out"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"error: cannot write to --out {Path.Combine(blocker, "out")}: ", outcome.Error, StringComparison.Ordinal);
        Assert.Equal("", outcome.Output);
    }

    [Fact]
    public async Task Help_describes_the_options_the_exit_codes_and_the_key_figure_format()
    {
        var outcome = await RunAsync("--help");

        Assert.Equal(0, outcome.ExitCode);
        foreach (var expected in new[] { "--out <DIR>", "--timeout <SECONDS>", "--max-memory <MB>", "--no-site", "📌 label: value", "· model: derivation, expect range · verdict", "Exit codes:", "  2  usage error", "  1  a lesson failed" })
        {
            Assert.Contains(expected, outcome.Output, StringComparison.Ordinal);
        }
    }

    /// <summary>A TextWriter for errors that remembers, for each line, what the console had printed by then.</summary>
    private sealed class RecordingWriter(TestConsole console) : StringWriter
    {
        public List<string> OutputAtEachLine { get; } = [];

        public override void WriteLine(string? value)
        {
            OutputAtEachLine.Add(console.Output);
            base.WriteLine(value);
        }
    }
}
