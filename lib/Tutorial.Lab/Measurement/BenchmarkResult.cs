using System.Globalization;
using System.Text.Json;

namespace Tutorial.Lab;

/// <summary>One benchmark case as BenchmarkDotNet measured it, read from BenchmarkDotNet's own JSON export.</summary>
/// <param name="Suite">The suite: the benchmark class without <c>Benchmarks</c>, e.g. <c>WorkerPool</c>.</param>
/// <param name="Benchmark">The benchmark method, e.g. <c>LibraryRunAsync</c>.</param>
/// <param name="Approach">What was measured, for grouping in charts: the benchmark's description, e.g. <c>library RunAsync</c>.</param>
/// <param name="Parameter">The case's parameters as BenchmarkDotNet writes them, e.g. <c>Workers=2</c>; empty when none.</param>
/// <param name="NsPerOperation">Mean time per operation (an item, a job or a whole run, depending on the suite), in nanoseconds.</param>
/// <param name="AllocatedBytes">Managed bytes allocated per operation, when measured.</param>
/// <param name="RunAt">When BenchmarkDotNet started the suite's run, as it stamps it in the results' title. The checked-in
/// results come from <c>run-and-save.sh</c>, which runs BenchmarkDotNet with <c>TZ=UTC</c>, so the stamp is read as UTC.</param>
public sealed record BenchmarkResult(string Suite, string Benchmark, string Approach, string Parameter, double NsPerOperation, double? AllocatedBytes,
    DateTime RunAt)
{
    /// <summary>Reads BenchmarkDotNet's JSON export: one <c>*-report*.json</c> file, or every <c>*.json</c> file in a folder.</summary>
    /// <param name="path">A results folder (e.g. <c>tests/Tutorial.Benchmarks/results</c>) or one JSON file.</param>
    /// <returns>One result per measured case, file by file in name order; cases that failed (no statistics) are left out.</returns>
    /// <exception cref="FileNotFoundException">Nothing to read at <paramref name="path"/>; the message says how to produce it.</exception>
    /// <exception cref="FormatException">A file is not BenchmarkDotNet's JSON export; the message names the file.</exception>
    public static IReadOnlyList<BenchmarkResult> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path]
            : [];
        if (files.Length == 0)
            throw new FileNotFoundException($"No benchmark results at {path}: run `tests/Tutorial.Benchmarks/run-and-save.sh --filter '*' --job short` from the repository root.", path);
        return [.. files.SelectMany(Read)];
    }

    private static IEnumerable<BenchmarkResult> Read(string file)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            // BenchmarkDotNet titles a summary "<suite>-yyyyMMdd-HHmmss", stamped when the run started.
            var title = json.RootElement.GetProperty("Title").GetString() ?? "";
            var runAt = DateTime.SpecifyKind(DateTime.ParseExact(title[^15..], "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture), DateTimeKind.Utc);
            var results = new List<BenchmarkResult>();
            foreach (var benchmark in json.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                if (benchmark.GetProperty("Statistics").ValueKind != JsonValueKind.Object)
                    continue; // the case failed; BenchmarkDotNet's own report says why
                double? allocated = benchmark.TryGetProperty("Memory", out var memory)
                    && memory.GetProperty("BytesAllocatedPerOperation") is { ValueKind: JsonValueKind.Number } bytes ? bytes.GetDouble() : null;
                var suite = benchmark.GetProperty("Type").GetString()!;
                results.Add(new BenchmarkResult(
                    suite.EndsWith("Benchmarks", StringComparison.Ordinal) ? suite[..^"Benchmarks".Length] : suite,
                    benchmark.GetProperty("Method").GetString()!,
                    // BenchmarkDotNet quotes a description that contains spaces: 'library RunAsync'.
                    benchmark.GetProperty("MethodTitle").GetString()!.Trim('\''),
                    benchmark.GetProperty("Parameters").GetString() ?? "",
                    benchmark.GetProperty("Statistics").GetProperty("Mean").GetDouble(),
                    allocated,
                    runAt));
            }
            return results;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            throw new FormatException($"{file} is not BenchmarkDotNet's JSON export ({e.Message}).", e);
        }
    }
}
