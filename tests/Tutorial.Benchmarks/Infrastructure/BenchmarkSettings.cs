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
    /// Memory diagnoser on; BenchmarkDotNet's default exporters (CSV, GitHub markdown, HTML) plus its brief JSON export,
    /// which is what <c>results/</c> keeps and lesson 11 reads (<c>Tutorial.Lab.BenchmarkResult</c>).
    /// A benchmark's <c>Description</c> names its approach: the JSON carries it as <c>MethodTitle</c>.
    /// </summary>
    /// <returns>The configuration.</returns>
    public static IConfig CreateConfig() =>
        ManualConfig.Create(DefaultConfig.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(JsonExporter.Brief);
}
