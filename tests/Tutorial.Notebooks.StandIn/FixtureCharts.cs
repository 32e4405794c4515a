using Plotly.NET;

namespace Tutorial.Concurrency.StandIn;

/// <summary>Builds a chart from C#, the way the course library does, so the fixtures exercise a library-made
/// <see cref="GenericChart"/> crossing into the notebook kernel.</summary>
public static class FixtureCharts
{
    /// <summary>A line chart of <paramref name="values"/> against their index.</summary>
    public static GenericChart Line(IReadOnlyList<double> values, string name)
    {
        // Plotly.NET's Chart.* functions take F# optional arguments C# cannot omit; a trace object is the C# route.
        var trace = new Trace2D("scatter");
        trace.SetProperty("x", Enumerable.Range(1, values.Count).ToArray());
        trace.SetProperty("y", values.ToArray());
        trace.SetProperty("mode", "lines+markers");
        trace.SetProperty("name", name);
        return GenericChart.ofTraceObject(true, trace);
    }
}
