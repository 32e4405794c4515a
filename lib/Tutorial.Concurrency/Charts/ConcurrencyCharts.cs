using Plotly.NET;
using Tutorial.Concurrency.Measurement;

namespace Tutorial.Concurrency.Charts;

/// <summary>
/// Ready-made charts of measured runs: a Gantt timeline per worker, makespan against worker count with the ideal curve,
/// and bar or line comparisons. Every chart has a title and axis titles with units, and transparent backgrounds so it
/// reads in light and dark themes. In a notebook, make the chart the last expression of a cell to display it.
/// </summary>
public static class ConcurrencyCharts
{
    /// <summary>A Gantt chart: one row per lane (worker or task), one bar per job from its start to its end.</summary>
    /// <param name="timeline">The recorded run.</param>
    /// <param name="title">The chart's title.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">The timeline is empty.</exception>
    public static GenericChart Gantt(Timeline timeline, string title = "Who ran what, when")
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var entries = timeline.Entries;
        if (entries.Count == 0)
            throw new ArgumentException("The timeline is empty: there is nothing to draw.", nameof(timeline));

        // Lanes top to bottom in natural order, so "worker 2" comes before "worker 10".
        var lanes = entries.Select(e => e.Lane).Distinct().Order(NaturalOrder.Instance).ToArray();
        var traces = new[] { true, false }
            .Select(ok => entries.Where(e => e.Succeeded == ok).ToArray())
            .Where(group => group.Length > 0)
            .Select(group => Figure.Trace("bar",
                ("name", group[0].Succeeded ? "job" : "failed or cancelled"),
                ("orientation", "h"),
                ("y", group.Select(e => e.Lane).ToArray()),
                ("base", group.Select(e => Round(e.Start.TotalMilliseconds)).ToArray()),
                ("x", group.Select(e => Round(e.Duration.TotalMilliseconds)).ToArray()),
                ("text", group.Select(e => $"job {e.JobId}").ToArray()),
                ("textposition", "inside"),
                ("insidetextanchor", "middle"),
                ("hovertemplate", "%{y}: %{text}<br>%{base:.1f} → %{customdata:.1f} ms<extra></extra>"),
                ("customdata", group.Select(e => Round(e.End.TotalMilliseconds)).ToArray()),
                ("marker", Figure.Obj(("color", group[0].Succeeded ? Figure.Blue : Figure.Red), ("line", Figure.Obj(("color", "rgba(255,255,255,0.6)"), ("width", 1)))))))
            .ToArray();
        var yAxis = Figure.Obj(("categoryorder", "array"), ("categoryarray", lanes.Reverse().ToArray()));
        return Figure.Chart(traces, title, "time since start (ms)", "lane", yAxisExtras: yAxis,
            height: Math.Clamp(140 + 40 * lanes.Length, 260, 900));
    }

    /// <summary>Measured makespan against worker count, with the ideal <c>ceil(jobs / workers) × jobDuration</c> beside it.</summary>
    /// <param name="measured">One point per worker count.</param>
    /// <param name="jobs">How many jobs each run had.</param>
    /// <param name="jobDuration">One job's duration, for the ideal curve.</param>
    /// <param name="title">The chart's title.</param>
    /// <returns>The chart.</returns>
    public static GenericChart MakespanByWorkers(IEnumerable<(int Workers, TimeSpan Makespan)> measured, int jobs, TimeSpan jobDuration,
        string title = "Makespan against worker count")
    {
        ArgumentNullException.ThrowIfNull(measured);
        var points = measured.OrderBy(p => p.Workers).ToArray();
        if (points.Length == 0)
            throw new ArgumentException("No measurements to draw.", nameof(measured));
        var workers = points.Select(p => p.Workers).ToArray();
        var measuredTrace = Figure.Trace("scatter",
            ("name", "measured"), ("mode", "lines+markers"),
            ("x", workers), ("y", points.Select(p => Round(p.Makespan.TotalMilliseconds)).ToArray()),
            ("line", Figure.Obj(("color", Figure.Blue), ("width", 3))), ("marker", Figure.Obj(("size", 8))),
            ("hovertemplate", "%{x} workers: %{y:.1f} ms<extra>measured</extra>"));
        var idealTrace = Figure.Trace("scatter",
            ("name", $"ideal: ceil({jobs} / workers) × {jobDuration.TotalMilliseconds:0.#} ms"), ("mode", "lines"),
            ("x", workers), ("y", workers.Select(w => RunSummary.IdealMakespan(jobs, w, jobDuration).TotalMilliseconds).ToArray()),
            ("line", Figure.Obj(("color", Figure.Orange), ("dash", "dash"), ("shape", "hv"), ("width", 2))),
            ("hovertemplate", "%{x} workers: %{y:.0f} ms<extra>ideal</extra>"));
        return Figure.Chart([measuredTrace, idealTrace], title, "workers", "makespan (ms)",
            xAxisExtras: Figure.Obj(("dtick", 1)), yAxisExtras: Figure.Obj(("rangemode", "tozero")));
    }

    /// <summary>One bar per labelled duration, each labelled with its value: e.g. sequential against concurrent.</summary>
    /// <param name="bars">The durations to compare, in display order.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="yTitle">The value axis title, with its unit.</param>
    /// <param name="xTitle">What the bars are, e.g. <c>channel capacity</c>.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Bars(IEnumerable<(string Label, TimeSpan Duration)> bars, string title, string yTitle = "wall-clock time (ms)",
        string xTitle = "approach")
    {
        ArgumentNullException.ThrowIfNull(bars);
        return Bars(bars.Select(b => (b.Label, b.Duration.TotalMilliseconds)), title, yTitle, "{0:0.0} ms", xTitle: xTitle);
    }

    /// <summary>One bar per labelled value.</summary>
    /// <param name="bars">The values to compare, in display order.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="yTitle">The value axis title, with its unit.</param>
    /// <param name="labelFormat">How each bar's value is written on it, e.g. <c>{0:0.0} ms</c>.</param>
    /// <param name="logScale">Draw the value axis on a log scale (for values spanning orders of magnitude).</param>
    /// <param name="xTitle">What the bars are, e.g. <c>kind of task</c>.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Bars(IEnumerable<(string Label, double Value)> bars, string title, string yTitle,
        string labelFormat = "{0:0.##}", bool logScale = false, string xTitle = "approach")
    {
        ArgumentNullException.ThrowIfNull(bars);
        var items = bars.ToArray();
        if (items.Length == 0)
            throw new ArgumentException("No values to draw.", nameof(bars));
        var trace = Figure.Trace("bar",
            ("x", items.Select(b => b.Label).ToArray()),
            ("y", items.Select(b => Round(b.Value)).ToArray()),
            ("text", items.Select(b => string.Format(System.Globalization.CultureInfo.InvariantCulture, labelFormat, b.Value)).ToArray()),
            ("textposition", "outside"),
            ("cliponaxis", false),
            ("marker", Figure.Obj(("color", items.Select((_, i) => Figure.Palette[i % Figure.Palette.Length]).ToArray()))),
            ("hovertemplate", "%{x}: %{text}<extra></extra>"));
        return Figure.Chart([trace], title, xTitle, yTitle,
            yAxisExtras: logScale ? Figure.Obj(("type", "log")) : Figure.Obj(("rangemode", "tozero")));
    }

    /// <summary>Grouped bars: for each group (e.g. a benchmark), one bar per series (e.g. an approach).</summary>
    /// <param name="values">(group, series, value) triples.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="yTitle">The value axis title, with its unit.</param>
    /// <param name="logScale">Draw the value axis on a log scale.</param>
    /// <param name="xTitle">What the groups are, e.g. <c>benchmark case</c>.</param>
    /// <returns>The chart.</returns>
    public static GenericChart GroupedBars(IEnumerable<(string Group, string Series, double Value)> values, string title, string yTitle,
        bool logScale = false, string xTitle = "case")
    {
        ArgumentNullException.ThrowIfNull(values);
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
        var layoutAxis = logScale ? Figure.Obj(("type", "log")) : Figure.Obj(("rangemode", "tozero"));
        return Figure.Chart(traces, title, xTitle, yTitle, yAxisExtras: layoutAxis);
    }

    /// <summary>One line per named series of (x, y) points: sweeps such as speedup against workers.</summary>
    /// <param name="series">The series, each a name and its points.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="xTitle">The x axis title, with its unit.</param>
    /// <param name="yTitle">The y axis title, with its unit.</param>
    /// <param name="logY">Draw the y axis on a log scale.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Lines(IEnumerable<(string Name, IEnumerable<(double X, double Y)> Points)> series, string title, string xTitle, string yTitle, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
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
        return Figure.Chart(traces, title, xTitle, yTitle, yAxisExtras: logY ? Figure.Obj(("type", "log")) : Figure.Obj(("rangemode", "tozero")));
    }

    private static double Round(double value) => Math.Round(value, 3);

    // "worker 10" after "worker 9", not after "worker 1".
    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var (xs, xn) = Split(x ?? "");
            var (ys, yn) = Split(y ?? "");
            var byPrefix = string.CompareOrdinal(xs, ys);
            return byPrefix != 0 ? byPrefix : xn.CompareTo(yn);
        }

        private static (string Prefix, long Number) Split(string s)
        {
            var i = s.Length;
            while (i > 0 && char.IsAsciiDigit(s[i - 1]))
                i--;
            return (s[..i], i < s.Length && long.TryParse(s[i..], out var n) ? n : -1);
        }
    }
}
