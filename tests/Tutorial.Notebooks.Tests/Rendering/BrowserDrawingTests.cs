using System.Text.RegularExpressions;
using Tutorial.Notebooks.Execution;
using Tutorial.Notebooks.Rendering;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Rendering;

/// <summary>
/// Opens a rendered lesson page in headless Chromium with no network and reads the DOM after scripts ran: every chart
/// placeholder must have been filled with plotly.js's SVG, which proves the site's local plotly.js draws offline.
/// </summary>
/// <remarks>Needs Debian's <c>chromium</c>; <c>.ci/run</c> installs it, and under CI (<c>CI=true</c>) a missing browser
/// fails the test. On a developer machine without it the test has nothing to drive and passes with a note.</remarks>
public sealed partial class BrowserDrawingTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Charts_on_a_lesson_page_are_drawn_by_the_local_plotly_with_no_network()
    {
        if (!File.Exists(Chromium))
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true", $"{Chromium} is missing: .ci/run must install Debian's chromium package");
            return;
        }

        var run = await FixtureRuns.GetAsync(TestPaths.Fixture("01-setup-and-chart"));
        var site = TestPaths.NewOutputFolder("site-browser");
        SiteRenderer.Render([run], site);
        var page = Path.Combine(site, "01-setup-and-chart.html");
        var placeholders = ChartPlaceholder().Matches(File.ReadAllText(page)).Count;

        var result = await ProcessRunner.RunAsync(
            Chromium,
            ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
             "--no-first-run", $"--user-data-dir={TestPaths.NewOutputFolder("chromium-profile")}",
             "--virtual-time-budget=5000", "--dump-dom", new Uri(page).AbsoluteUri],
            site,
            TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, $"chromium: {result}");
        Assert.True(placeholders > 0, "the fixture page has no chart placeholder");
        Assert.Equal(placeholders, DrawnChart().Matches(result.Output).Count);
    }

    [GeneratedRegex("class=\"plotly-chart\"")]
    private static partial Regex ChartPlaceholder();

    // plotly.js adds the js-plotly-plot class to a div once it has drawn a figure into it.
    [GeneratedRegex("class=\"plotly-chart js-plotly-plot\"")]
    private static partial Regex DrawnChart();
}
