using Tutorial.Concurrency.Measurement;

namespace Tutorial.Concurrency.Tests.Measurement;

public class BenchmarkResultTests
{
    private static string WriteCsv(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"summary-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Reads_rows_by_column_name_and_ignores_extra_columns()
    {
        var path = WriteCsv(
            "suite,benchmark,approach,parameter,operations,mean_ns,ns_per_op,allocated_bytes,job",
            "WorkerPool,LibraryRunAsync,library RunAsync,Workers=2,1000000,235000000,235.1,72,Default",
            "Channel,Unbounded,ReadAllAsync,,100000,10100000,101,NA,Default");

        var rows = BenchmarkResult.Load(path);

        Assert.Equal(new BenchmarkResult("WorkerPool", "LibraryRunAsync", "library RunAsync", "Workers=2", 235.1, 72), rows[0]);
        Assert.Equal(("Channel", "", 101.0, (double?)null), (rows[1].Suite, rows[1].Parameter, rows[1].NsPerOperation, rows[1].AllocatedBytes));
    }

    [Fact]
    public void The_checked_in_results_load()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Tutorial.sln")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("no Tutorial.sln above the test assembly");

        var rows = BenchmarkResult.Load(Path.Combine(root, "tests", "Tutorial.Benchmarks", "results", "summary.csv"));

        Assert.Contains(rows, r => r.Suite == "WorkerPool" && r.NsPerOperation > 0);
        Assert.Equal(["ArticlePrograms", "Channel", "Starvation", "WaitGroup", "WorkerPool"], rows.Select(r => r.Suite).Distinct().Order());
    }

    [Fact]
    public void A_missing_file_says_how_to_produce_it()
    {
        var error = Assert.Throws<FileNotFoundException>(() => BenchmarkResult.Load("/no/such/summary.csv"));
        Assert.Contains("run-and-save.sh", error.Message);
    }

    [Fact]
    public void A_missing_column_or_a_bad_number_is_named()
    {
        var noColumn = WriteCsv("suite,benchmark,approach,parameter", "a,b,c,d");
        Assert.Contains("no 'ns_per_op' column", Assert.Throws<FormatException>(() => BenchmarkResult.Load(noColumn)).Message);

        var badNumber = WriteCsv("suite,benchmark,approach,parameter,ns_per_op,allocated_bytes", "a,b,c,d,fast,0");
        Assert.Contains("line 2: ns_per_op 'fast' is not a number", Assert.Throws<FormatException>(() => BenchmarkResult.Load(badNumber)).Message);
    }
}
