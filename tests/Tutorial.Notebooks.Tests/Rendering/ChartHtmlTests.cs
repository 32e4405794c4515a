using Tutorial.Notebooks.Rendering;

namespace Tutorial.Notebooks.Tests.Rendering;

public sealed class ChartHtmlTests
{
    // The shape Plotly.NET.Interactive 6.0.0 produces (abridged), CDN loader included.
    private const string Chart = """
        <div><div id="a1-b2"><!-- Plotly chart will be drawn inside this DIV --></div><script type="text/javascript">
        var renderPlotly_a1b2 = function() {
            var fsharpPlotlyRequire = requirejs.config({context:'fsharp-plotly',paths:{plotly:'https://cdn.plot.ly/plotly-2.28.0.min'}}) || require;
            fsharpPlotlyRequire(['plotly'], function(Plotly) {
                var data = [{"type":"scatter","x":[1,2],"y":[3,4],"name":"</script>"}];
                var layout = {"width":600};
                var config = {"responsive":true};
                Plotly.newPlot('a1-b2', data, layout, config);
            });
        };
        </script></div>
        """;

    [Fact]
    public void Keeps_data_layout_and_config_and_drops_the_cdn_loader()
    {
        var html = ChartHtml.ToOffline(Chart)!;

        Assert.Contains("<div id=\"a1-b2\" class=\"plotly-chart\"></div>", html, StringComparison.Ordinal);
        Assert.Contains("""var data = [{"type":"scatter","x":[1,2],"y":[3,4],"name":"<\/script>"}];""", html, StringComparison.Ordinal);
        Assert.Contains("""var layout = {"width":600};""", html, StringComparison.Ordinal);
        Assert.Contains("""var config = {"responsive":true};""", html, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot('a1-b2', data, layout, config);", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("require", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_that_is_not_a_chart_is_left_alone()
    {
        Assert.False(ChartHtml.IsChart("<div>hello</div>"));
        Assert.Null(ChartHtml.ToOffline("<div>hello</div>"));
    }
}
