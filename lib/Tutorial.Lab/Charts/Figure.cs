using Plotly.NET;

namespace Tutorial.Lab;

/// <summary>
/// Builds Plotly figures from plotly.js attribute names. Plotly.NET's C# surface takes dozens of F# options per call;
/// setting the few plotly.js attributes we need by name keeps the chart code short and readable.
/// </summary>
internal static class Figure
{
    // Mid-tone colours and a grey font stay readable on VS Code's light and dark themes alike.
    public const string Blue = "#4C78A8";
    public const string Orange = "#F58518";
    public const string Green = "#54A24B";
    public const string Red = "#E45756";
    public const string Grey = "#8C8C8C";
    public static readonly string[] Palette = [Blue, Orange, Green, Red, "#B279A2", "#72B7B2", "#EECA3B", "#9D755D"];

    public static Trace Trace(string type, params (string Name, object? Value)[] attributes)
    {
        var trace = new Trace2D(type);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
                trace.SetProperty(name, value);
        }
        return trace;
    }

    public static Dictionary<string, object> Obj(params (string Name, object? Value)[] attributes) =>
        attributes.Where(a => a.Value is not null).ToDictionary(a => a.Name, a => a.Value!);

    public static GenericChart Chart(IEnumerable<Trace> traces, string title, string xTitle, string yTitle,
        object? xAxisExtras = null, object? yAxisExtras = null, int height = 420)
    {
        var layout = new Layout();
        layout.SetProperty("title", Obj(("text", title)));
        layout.SetProperty("xaxis", Axis(xTitle, xAxisExtras));
        layout.SetProperty("yaxis", Axis(yTitle, yAxisExtras));
        layout.SetProperty("paper_bgcolor", "rgba(0,0,0,0)");
        layout.SetProperty("plot_bgcolor", "rgba(0,0,0,0)");
        layout.SetProperty("font", Obj(("color", Grey), ("family", "system-ui, -apple-system, Segoe UI, sans-serif")));
        layout.SetProperty("legend", Obj(("orientation", "h"), ("y", -0.2)));
        layout.SetProperty("height", height);
        layout.SetProperty("margin", Obj(("l", 90), ("r", 30), ("t", 60), ("b", 70)));
        return GenericChart.setLayout(layout, GenericChart.ofTraceObjects(false, traces));
    }

    private static Dictionary<string, object> Axis(string title, object? extras)
    {
        var axis = Obj(
            ("title", Obj(("text", title))),
            ("gridcolor", "rgba(140,140,140,0.25)"),
            ("zerolinecolor", "rgba(140,140,140,0.5)"),
            ("automargin", true));
        if (extras is IEnumerable<KeyValuePair<string, object>> pairs)
        {
            foreach (var (key, value) in pairs)
                axis[key] = value;
        }
        return axis;
    }
}
