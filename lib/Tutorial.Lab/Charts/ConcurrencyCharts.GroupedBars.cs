using Plotly.NET;

namespace Tutorial.Lab;

public static partial class ConcurrencyCharts
{
    /// <summary>Grouped bars: for each group (e.g. a benchmark case), one bar per series (e.g. an approach).</summary>
    /// <param name="values">(group, series, value) triples.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="xTitle">What the groups are, e.g. <c>benchmark case</c>.</param>
    /// <param name="yTitle">The value axis title, with its unit.</param>
    /// <param name="logY">Draw the value axis on a log scale.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">There are no values, or a title is blank.</exception>
    public static GenericChart GroupedBars(IEnumerable<(string Group, string Series, double Value)> values, string title, string xTitle, string yTitle,
        bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        RequireTitles(title, xTitle, yTitle);
        var items = values.ToArray();
        if (items.Length == 0)
            throw new ArgumentException("No values to draw.", nameof(values));
        var series = items.Select(v => v.Series).Distinct().ToArray();
        var traces = series.Select((name, i) =>
        {
            var points = items.Where(v => v.Series == name).ToArray();
            return Figure.Trace("bar",
                ("name", name),
                ("x", points.Select(p => p.Group).ToArray()),
                ("y", points.Select(p => Round(p.Value)).ToArray()),
                ("marker", Figure.Obj(("color", Figure.Palette[i % Figure.Palette.Length]))),
                ("hovertemplate", "%{x}<br>" + name + ": %{y}<extra></extra>"));
        });
        return Figure.Chart(traces, title, xTitle, yTitle, yAxisExtras: ValueAxis(logY));
    }
}
