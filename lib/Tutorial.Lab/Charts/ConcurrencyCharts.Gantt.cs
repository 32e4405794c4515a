using Plotly.NET;

namespace Tutorial.Lab;

public static partial class ConcurrencyCharts
{
    /// <summary>A Gantt chart: one row per lane (worker or task), one bar per job from its start to its end; failed or cancelled attempts in red.</summary>
    /// <param name="timeline">The recorded run.</param>
    /// <param name="title">The chart's title.</param>
    /// <returns>The chart, with time since start (ms) across and the lanes down.</returns>
    /// <exception cref="ArgumentException">The timeline is empty, or the title is blank.</exception>
    public static GenericChart Gantt(Timeline timeline, string title = "Who ran what, when")
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
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
