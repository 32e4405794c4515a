using BenchmarkDotNet.Running;
using Tutorial.Benchmarks.Infrastructure;

namespace Tutorial.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher, so <c>--filter</c>, <c>--job</c>, <c>--list</c> and friends all work.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line.</summary>
    /// <param name="args">BenchmarkDotNet's command-line arguments, e.g. <c>--filter '*' --job short</c>.</param>
    public static void Main(string[] args)
    {
        // Suites with a job of their own (the latency suites) step aside when the command line names a job (see LatencyJobAttribute).
        BenchmarkSettings.CommandLineNamesJob = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkSettings.CreateConfig());
    }
}
