using System.Globalization;

namespace Tutorial.Concurrency.Measurement;

/// <summary>One row of the benchmark suite's <c>results/summary.csv</c>: one benchmark case, measured by BenchmarkDotNet.</summary>
/// <param name="Suite">The suite, e.g. <c>WorkerPool</c>.</param>
/// <param name="Benchmark">The benchmark method, e.g. <c>LibraryRunAsync</c>.</param>
/// <param name="Approach">What was measured, for grouping in charts, e.g. <c>ActionBlock</c>.</param>
/// <param name="Parameter">The case's parameters, e.g. <c>Workers=2</c>; empty when none.</param>
/// <param name="NsPerOperation">Mean time per operation (item, job or whole run) in nanoseconds.</param>
/// <param name="AllocatedBytes">Managed bytes allocated per operation, when measured.</param>
public sealed record BenchmarkResult(string Suite, string Benchmark, string Approach, string Parameter, double NsPerOperation, double? AllocatedBytes)
{
    /// <summary>Reads <c>summary.csv</c> (columns found by name, so extra columns are fine).</summary>
    /// <param name="path">The file.</param>
    /// <returns>One result per data row, in file order.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist; the message says how to produce it.</exception>
    /// <exception cref="FormatException">A required column is missing or a number does not parse; the message names the line.</exception>
    public static IReadOnlyList<BenchmarkResult> Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"No benchmark results at {path}: run `tests/Tutorial.Benchmarks/run-and-save.sh --filter '*' --job short` from the repository root.", path);
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();
        if (lines.Length == 0)
            throw new FormatException($"{path} is empty: it needs a header line.");
        var header = lines[0].Split(',').Select(h => h.Trim()).ToList();
        int Column(string name) => header.IndexOf(name) is var i and >= 0
            ? i
            : throw new FormatException($"{path} has no '{name}' column; its header is: {lines[0]}");
        int suite = Column("suite"), benchmark = Column("benchmark"), approach = Column("approach"), parameter = Column("parameter"),
            nsPerOp = Column("ns_per_op"), allocated = Column("allocated_bytes");

        var results = new List<BenchmarkResult>(lines.Length - 1);
        for (var n = 1; n < lines.Length; n++)
        {
            var fields = lines[n].Split(',');
            if (fields.Length != header.Count)
                throw new FormatException($"{path}, line {n + 1}: {fields.Length} fields where the header has {header.Count}.");
            if (!double.TryParse(fields[nsPerOp], NumberStyles.Float, CultureInfo.InvariantCulture, out var ns))
                throw new FormatException($"{path}, line {n + 1}: ns_per_op '{fields[nsPerOp]}' is not a number.");
            double? bytes = double.TryParse(fields[allocated], NumberStyles.Float, CultureInfo.InvariantCulture, out var b) ? b : null;
            results.Add(new BenchmarkResult(fields[suite], fields[benchmark], fields[approach], fields[parameter], ns, bytes));
        }
        return results;
    }
}
