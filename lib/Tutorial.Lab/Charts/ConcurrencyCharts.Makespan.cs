using Plotly.NET;

namespace Tutorial.Lab;

public static partial class ConcurrencyCharts
{
    /// <summary>Measured makespan against worker count, with the ideal <c>ceil(jobs / workers) × jobDuration</c> staircase beside it.</summary>
    /// <param name="measured">One point per worker count.</param>
    /// <param name="jobs">How many jobs each run had.</param>
    /// <param name="jobDuration">One job's duration, for the ideal curve.</param>
    /// <param name="title">The chart's title.</param>
    /// <returns>The chart, with workers across and makespan (ms) up.</returns>
    /// <exception cref="ArgumentException">There are no measurements, or the title is blank.</exception>
    public static GenericChart MakespanByWorkers(IEnumerable<(int Workers, TimeSpan Makespan)> measured, int jobs, TimeSpan jobDuration,
        string title = "Makespan against worker count")
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
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
}
