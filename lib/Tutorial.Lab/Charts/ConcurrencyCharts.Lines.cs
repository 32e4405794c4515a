using Plotly.NET;

namespace Tutorial.Lab;

public static partial class ConcurrencyCharts
{
    /// <summary>One line per named series of (x, y) points, each sorted by x: sweeps such as speedup against workers.</summary>
    /// <param name="series">The series, each a name and its points.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="xTitle">The x axis title, with its unit.</param>
    /// <param name="yTitle">The y axis title, with its unit.</param>
    /// <param name="logY">Draw the y axis on a log scale.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">There are no series, or a title is blank.</exception>
    public static GenericChart Lines(IEnumerable<(string Name, IEnumerable<(double X, double Y)> Points)> series, string title, string xTitle, string yTitle,
        bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        RequireTitles(title, xTitle, yTitle);
        var traces = series.Select((s, i) =>
        {
            var points = s.Points.OrderBy(p => p.X).ToArray();
            return Figure.Trace("scatter",
                ("name", s.Name), ("mode", "lines+markers"),
                ("x", points.Select(p => p.X).ToArray()), ("y", points.Select(p => Round(p.Y)).ToArray()),
                ("line", Figure.Obj(("color", Figure.Palette[i % Figure.Palette.Length]), ("width", 3))));
        }).ToArray();
        if (traces.Length == 0)
            throw new ArgumentException("No series to draw.", nameof(series));
        return Figure.Chart(traces, title, xTitle, yTitle, yAxisExtras: ValueAxis(logY));
    }
}
