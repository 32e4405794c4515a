using BenchmarkDotNet.Running;
using Tutorial.Benchmarks.Infrastructure;

namespace Tutorial.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher, so <c>--filter</c>, <c>--job</c>, <c>--list</c> and friends all work.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line.</summary>
    /// <param name="args">BenchmarkDotNet's command-line arguments, e.g. <c>--filter '*' --job short</c>.</param>
    /// <returns>0, or 1 when a benchmark failed or a suite could not run (so a CI dry run fails loudly).</returns>
    public static int Main(string[] args)
    {
        // Suites with a job of their own (the latency suites) step aside when the command line names a job (see LatencyJobAttribute).
        BenchmarkSettings.CommandLineNamesJob = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkSettings.CreateConfig()).ToList();
        var failed = summaries
            .Where(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success || r.ResultStatistics is null))
            .Select(s => s.Title)
            .ToList();
        foreach (var title in failed)
            Console.Error.WriteLine($"Benchmark suite failed: {title}");
        if (summaries.Count == 0 && args.Contains("--filter"))
        {
            Console.Error.WriteLine("No benchmark matched the filter.");
            return 1;
        }
        return failed.Count == 0 ? 0 : 1;
    }
}
