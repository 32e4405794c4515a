using System.Text.RegularExpressions;

namespace Tutorial.Notebooks.Rendering;

/// <summary>Rewrites Plotly.NET chart outputs so that they draw offline with the site's single local plotly.js.</summary>
/// <remarks>Plotly.NET's notebook HTML loads require.js and plotly.js from CDNs (or, with the <c>Full</c> reference,
/// inlines 3.6 MB of plotly.js per chart). Both are wrong for an offline site, so only the chart's data, layout and
/// config are kept and handed to the global <c>Plotly</c> the page loads once.</remarks>
public static partial class ChartHtml
{
    /// <summary>True when <paramref name="html"/> is a Plotly.NET chart output.</summary>
    public static bool IsChart(string html) => ChartDiv().IsMatch(html);

    /// <summary>Returns offline markup for the chart in <paramref name="html"/>, or null when it is not a chart
    /// this class understands.</summary>
    public static string? ToOffline(string html)
    {
        var div = ChartDiv().Match(html);
        var data = Variable("data").Match(html);
        var layout = Variable("layout").Match(html);
        var config = Variable("config").Match(html);
        if (!div.Success || !data.Success || !layout.Success)
        {
            return null;
        }

        var id = div.Groups["id"].Value;
        var configJson = config.Success ? config.Groups["json"].Value : "{}";
        // The chart's JSON came from Plotly.NET's serializer; "</" must still not close the script element early.
        static string Safe(string json) => json.Replace("</", "<\\/", StringComparison.Ordinal);
        return $$"""
            <div class="chart"><div id="{{Html.Encode(id)}}" class="plotly-chart"></div>
            <script>
            (function () {
              var data = {{Safe(data.Groups["json"].Value)}};
              var layout = {{Safe(layout.Groups["json"].Value)}};
              var config = {{Safe(configJson)}};
              if (window.Plotly) { Plotly.newPlot('{{id}}', data, layout, config); }
              else { document.getElementById('{{id}}').textContent = 'plotly.js did not load ({{PlotlyScript.SitePath}} is missing).'; }
            })();
            </script></div>
            """;
    }

    [GeneratedRegex("""<div id="(?<id>[^"]+)"><!-- Plotly chart will be drawn inside this DIV --></div>""")]
    private static partial Regex ChartDiv();

    // Plotly.NET writes each of these on one line: "var data = [...];".
    private static Regex Variable(string name) => new($@"\bvar {name} = (?<json>.*?);[ \t]*\r?\n", RegexOptions.CultureInvariant);
}
