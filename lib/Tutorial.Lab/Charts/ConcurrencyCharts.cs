namespace Tutorial.Lab;

/// <summary>
/// Ready-made charts of measured runs: a Gantt timeline per worker, makespan against worker count with the ideal curve,
/// and bar or line comparisons. In a notebook, make the chart the last expression of a cell to display it.
/// </summary>
/// <remarks>
/// Every chart has a title and axis titles (say the unit in the value axis title), and its parameters come in one order:
/// the data, <c>title</c>, <c>xTitle</c>, <c>yTitle</c>, then options by name (<c>labelFormat</c>, <c>logY</c>). Backgrounds
/// are transparent, so charts read in light and dark themes.
/// </remarks>
public static partial class ConcurrencyCharts
{
    private static double Round(double value) => Math.Round(value, 3);

    // Misuse-proofing shared by every chart: a chart without a title or axis titles is refused, not drawn blank.
    private static void RequireTitles(string title, string xTitle, string yTitle)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(xTitle);
        ArgumentException.ThrowIfNullOrWhiteSpace(yTitle);
    }
}
