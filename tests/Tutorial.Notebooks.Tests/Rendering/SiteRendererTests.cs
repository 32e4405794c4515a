using System.Text.RegularExpressions;
using Tutorial.Notebooks.Execution;
using Tutorial.Notebooks.Rendering;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Rendering;

public sealed class SiteRendererTests
{
    private static async Task<(string Site, IReadOnlyList<NotebookRun> Runs)> RenderFixtureCourseAsync()
    {
        NotebookRun[] runs =
        [
            await FixtureRuns.GetAsync(TestPaths.Fixture("01-setup-and-chart")),
            await FixtureRuns.GetAsync(TestPaths.Fixture("02-key-figures")),
        ];
        var site = TestPaths.NewOutputFolder("site");
        SiteRenderer.Render(runs, site);
        return (site, runs);
    }

    [Fact]
    public async Task Plotly_js_is_written_once_as_a_local_asset_from_Plotly_NET()
    {
        var (site, _) = await RenderFixtureCourseAsync();

        var scripts = Directory.EnumerateFiles(site, "*.js", SearchOption.AllDirectories).ToList();
        var plotly = Assert.Single(scripts);
        Assert.Equal(Path.Combine(site, "assets", "plotly.min.js"), plotly);
        Assert.Equal("2.28.0", PlotlyScript.Version);
        Assert.Contains("plotly.js v2.28.0", File.ReadAllText(plotly)[..2000], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_pages_load_the_local_plotly_once_draw_each_chart_and_reference_no_network()
    {
        var (site, _) = await RenderFixtureCourseAsync();

        var page = File.ReadAllText(Path.Combine(site, "01-setup-and-chart.html"));

        Assert.Single(Regex.Matches(page, "<script src=\"assets/plotly.min.js\"></script>"));
        Assert.Equal(3, Regex.Matches(page, "<div id=\"[0-9a-f-]+\" class=\"plotly-chart\"></div>").Count);
        Assert.Equal(3, Regex.Matches(page, @"Plotly\.newPlot\('").Count);
        Assert.DoesNotContain("http://", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.DoesNotContain("require", page, StringComparison.Ordinal);
        Assert.DoesNotContain("plotly.js v2", page, StringComparison.Ordinal); // not inlined either
    }

    [Fact]
    public async Task Lesson_page_renders_markdown_highlighted_code_and_text_outputs()
    {
        var (site, _) = await RenderFixtureCourseAsync();

        var page = File.ReadAllText(Path.Combine(site, "01-setup-and-chart.html"));

        Assert.Contains("<h1 id=\"setup-and-a-chart\">Setup and a chart</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tok-keyword\">using</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tok-directive\">#r</span> <span class=\"tok-string\">&quot;nuget: Plotly.NET, 6.0.0&quot;</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tok-type\">WaitGroup</span>", page, StringComparison.Ordinal); // bound through the library's metadata
        Assert.Contains("<pre class=\"out stdout\">hello notebook from Tutorial.Concurrency\n📌 one Task.Delay(50): ", page, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"assets/site.css\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_lists_lessons_with_their_key_figures_and_needs_no_plotly()
    {
        var (site, _) = await RenderFixtureCourseAsync();

        var index = File.ReadAllText(Path.Combine(site, "index.html"));

        Assert.Contains("<a href=\"01-setup-and-chart.html\">Setup and a chart</a>", index, StringComparison.Ordinal);
        Assert.Contains("<a href=\"02-key-figures.html\">Key figures</a>", index, StringComparison.Ordinal);
        Assert.Contains("<li><span class=\"figure\">20 jobs / 5 workers: <b>201.3 ms (ideal 200 ms)</b></span> <span class=\"muted\">no model</span></li>", index, StringComparison.Ordinal);
        Assert.Contains("<li><span class=\"figure\">three waits: <b>150.4 ms</b></span> <span class=\"muted\">model: 3 × 50 ms, expect 135–165 ms</span> <span class=\"verdict-agrees\">✅ agrees</span></li>", index, StringComparison.Ordinal);
        Assert.Contains("<span class=\"verdict-busy\">⚠️ busy: other processes used 1.7 of 2 cores while it ran; rerun the cell</span>", index, StringComparison.Ordinal);
        Assert.DoesNotContain("plotly.min.js\"></script>", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_lessons_are_marked_on_the_index_and_their_page()
    {
        var run = await FixtureRuns.GetAsync(TestPaths.Broken("01-failing-cell"));
        var site = TestPaths.NewOutputFolder("site-failed");

        SiteRenderer.Render([run], site);

        Assert.Contains("<span class=\"status-failed\">failed</span> <span class=\"muted\">cell 3</span>", File.ReadAllText(Path.Combine(site, "index.html")), StringComparison.Ordinal);
        var page = File.ReadAllText(Path.Combine(site, "01-failing-cell.html"));
        Assert.Contains("This lesson did not run cleanly: cell 3 failed: System.InvalidOperationException: the channel was closed twice", page, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"out error\">", page, StringComparison.Ordinal);
        Assert.Contains("cell 4 &middot; not run", page, StringComparison.Ordinal);
    }
}
