using System.Text.Json.Nodes;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Cli;

/// <summary>The runner on a course that passes: exit 0, the summary, the notebooks, key-figures.json and the site.</summary>
public sealed class RunnerPassingCourseTests
{
    private static Task<RunnerOutcome> RunAsync(params string[] args) => RunnerOutcome.RunAsync(args);

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
}
