using Tutorial.Notebooks.Cli;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Cli;

/// <summary>The runner as a user meets it: exit codes, one-line errors for every bad input, checked before anything runs,
/// and the outputs it writes.</summary>
public sealed class RunnerCommandTests
{
    // Every command line here is refused before any lesson runs, so these need no slot of the machine gate.
    private static Task<RunnerOutcome> RunAsync(params string[] args) => RunnerOutcome.RunAsync(false, args);

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
    public async Task An_out_that_is_a_file_exits_2_before_any_lesson_runs()
    {
        var file = Path.Combine(TestPaths.NewOutputFolder("cli-out-file"), "out.txt");
        File.WriteAllText(file, "mine");

        var outcome = await RunAsync("--notebooks", TestPaths.FixtureNotebooks, "--out", file);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"error: --out {file} is a file; it needs a folder (one that exists or can be created){Environment.NewLine}", outcome.Error);
        Assert.Equal("", outcome.Output);
        Assert.Equal("mine", File.ReadAllText(file));
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

    [Fact]
    public async Task Apps_only_exports_every_lesson_runs_nothing_and_names_a_lesson_that_cannot_be_exported()
    {
        var lessons = TestPaths.NewOutputFolder("cli-apps-lessons");
        TestNotebooks.Write(lessons, "01-hello.ipynb", "Console.WriteLine(\"hello\");");
        TestNotebooks.Write(lessons, "02-twice.ipynb", "var n = 1;", "var n = 2;");
        var output = TestPaths.NewOutputFolder("cli-apps-out");
        var apps = Path.Combine(output, "apps");
        Directory.CreateDirectory(apps);
        File.WriteAllText(Path.Combine(apps, "00-renumbered.cs"), Tutorial.Notebooks.Export.FileBasedApps.GeneratedMarker + "\n");
        File.WriteAllText(Path.Combine(apps, "mine.cs"), "// not generated\n");

        var outcome = await RunAsync("--apps-only", "--notebooks", lessons, "--out", output);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("02-twice", outcome.Error, StringComparison.Ordinal);
        Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["01-hello.cs", "mine.cs"], Directory.GetFiles(apps).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(output, "notebooks")), "--apps-only must run no lesson");
        Assert.Contains("apps: ", outcome.Output, StringComparison.Ordinal);
    }
}
