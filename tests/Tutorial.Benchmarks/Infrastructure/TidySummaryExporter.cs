using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace Tutorial.Benchmarks.Infrastructure;

/// <summary>
/// Writes one plain CSV per suite (<c>*-tidy.csv</c>) with the few columns a lesson needs to plot, in invariant culture,
/// with no units inside the numbers: <c>suite,benchmark,approach,parameter,operations,mean_ns,ns_per_op,allocated_bytes,job</c>.
/// </summary>
/// <remarks>BenchmarkDotNet's own CSV carries every column with units ("1.234 ms"); this one is meant to be read with a few lines of C#.</remarks>
public sealed class TidySummaryExporter : ExporterBase
{
    /// <summary>The header line, also used by the script that merges the suites into <c>summary.csv</c>.</summary>
    public const string Header = "suite,benchmark,approach,parameter,operations,mean_ns,ns_per_op,allocated_bytes,job";

    /// <summary>The shared instance.</summary>
    public static readonly TidySummaryExporter Instance = new();

    /// <inheritdoc />
    protected override string FileExtension => "csv";

    /// <inheritdoc />
    protected override string FileCaption => "tidy";

    /// <inheritdoc />
    public override void ExportToLog(Summary summary, ILogger logger)
    {
        logger.WriteLine(Header);
        foreach (var report in summary.Reports)
        {
            var stats = report.ResultStatistics;
            if (stats is null)
                continue; // The case failed; BenchmarkDotNet's own report says why.
            var benchmark = report.BenchmarkCase;
            var method = benchmark.Descriptor.WorkloadMethod;
            var operations = benchmark.Descriptor.OperationsPerInvoke;
            var suite = benchmark.Descriptor.Type.Name.Replace("Benchmarks", "", StringComparison.Ordinal);
            var approach = method.GetCustomAttribute<ApproachAttribute>()?.Name ?? method.Name;
            var parameters = string.Join(";", benchmark.Parameters.Items.Select(p => $"{p.Name}={p.Value}"));
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark);
            logger.WriteLine(string.Join(",",
                suite,
                method.Name,
                Clean(approach),
                Clean(parameters),
                operations.ToString(CultureInfo.InvariantCulture),
                (stats.Mean * operations).ToString("0.###", CultureInfo.InvariantCulture),
                stats.Mean.ToString("0.###", CultureInfo.InvariantCulture),
                allocated?.ToString(CultureInfo.InvariantCulture) ?? "",
                Clean(benchmark.Job.ResolvedId)));
        }
    }

    // Plain CSV without quoting: keep separators out of the fields.
    private static string Clean(string field) => field.Replace(',', ';').Replace('"', '\'');
}
