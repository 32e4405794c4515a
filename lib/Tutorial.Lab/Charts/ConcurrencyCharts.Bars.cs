using System.Globalization;
using Plotly.NET;

namespace Tutorial.Lab;

public static partial class ConcurrencyCharts
{
    /// <summary>One bar per labelled duration, each labelled with its value in milliseconds: e.g. sequential against concurrent.</summary>
    /// <param name="bars">The durations to compare, in display order.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="xTitle">What the bars are, e.g. <c>channel capacity</c>.</param>
    /// <param name="yTitle">The value axis title, with its unit.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">There are no bars, or a title is blank.</exception>
    public static GenericChart Bars(IEnumerable<(string Label, TimeSpan Duration)> bars, string title, string xTitle = "approach",
        string yTitle = "wall-clock time (ms)")
    {
        ArgumentNullException.ThrowIfNull(bars);
        return Bars(bars.Select(b => (b.Label, b.Duration.TotalMilliseconds)), title, xTitle, yTitle, labelFormat: "{0:0.0} ms");
    }

    /// <summary>One bar per labelled value, each labelled with its value.</summary>
    /// <param name="bars">The values to compare, in display order.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="xTitle">What the bars are, e.g. <c>kind of task</c>.</param>
    /// <param name="yTitle">The value axis title, with its unit, e.g. <c>bytes per task</c>.</param>
    /// <param name="labelFormat">How each bar's value is written on it, e.g. <c>{0:0} B</c> (invariant culture).</param>
    /// <param name="logY">Draw the value axis on a log scale (for values spanning orders of magnitude).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">There are no bars, or a title is blank.</exception>
    public static GenericChart Bars(IEnumerable<(string Label, double Value)> bars, string title, string xTitle, string yTitle,
        string labelFormat = "{0:0.##}", bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(bars);
        RequireTitles(title, xTitle, yTitle);
        var items = bars.ToArray();
        if (items.Length == 0)
            throw new ArgumentException("No values to draw.", nameof(bars));
        var trace = Figure.Trace("bar",
            ("x", items.Select(b => b.Label).ToArray()),
            ("y", items.Select(b => Round(b.Value)).ToArray()),
            ("text", items.Select(b => string.Format(CultureInfo.InvariantCulture, labelFormat, b.Value)).ToArray()),
            ("textposition", "outside"),
            ("cliponaxis", false),
            ("marker", Figure.Obj(("color", items.Select((_, i) => Figure.Palette[i % Figure.Palette.Length]).ToArray()))),
            ("hovertemplate", "%{x}: %{text}<extra></extra>"));
        return Figure.Chart([trace], title, xTitle, yTitle, yAxisExtras: ValueAxis(logY));
    }

    private static Dictionary<string, object> ValueAxis(bool logY) =>
        logY ? Figure.Obj(("type", "log")) : Figure.Obj(("rangemode", "tozero"));
}
