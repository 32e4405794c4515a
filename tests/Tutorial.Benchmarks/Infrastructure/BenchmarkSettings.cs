using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;

namespace Tutorial.Benchmarks.Infrastructure;

/// <summary>The configuration every suite shares.</summary>
public static class BenchmarkSettings
{
    /// <summary>True when the command line chose a job (<c>--job dry</c>, <c>--job short</c>): suites then use it instead of their own.</summary>
    public static bool CommandLineNamesJob { get; set; }

    /// <summary>
    /// Memory diagnoser on; CSV, GitHub markdown (both already in BenchmarkDotNet's default configuration), JSON and the
    /// tidy summary CSV exported for every suite.
    /// </summary>
    /// <returns>The configuration.</returns>
    public static IConfig CreateConfig() =>
        ManualConfig.Create(DefaultConfig.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(JsonExporter.Brief, TidySummaryExporter.Instance);
}
