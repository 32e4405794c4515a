
using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Measurement;

public class BenchmarkResultTests
{
    // The shape of BenchmarkDotNet 0.15.8's brief JSON export, cut down to two cases and one failed case.
    private const string Export = """
        {
          "Title": "Tutorial.Benchmarks.WorkerPoolBenchmarks-20261127-235433",
          "HostEnvironmentInfo": { "BenchmarkDotNetVersion": "0.15.8", "LogicalCoreCount": 2 },
          "Benchmarks": [
            { "Type": "WorkerPoolBenchmarks", "Method": "LibraryRunAsync", "MethodTitle": "'library RunAsync'", "Parameters": "Workers=2",
              "Statistics": { "N": 3, "Mean": 235.09, "Median": 250.2 }, "Memory": { "BytesAllocatedPerOperation": 72 } },
            { "Type": "WorkerPoolBenchmarks", "Method": "DataflowActionBlock", "MethodTitle": "ActionBlock", "Parameters": "",
              "Statistics": { "N": 3, "Mean": 404.5 } },
            { "Type": "WorkerPoolBenchmarks", "Method": "Broken", "MethodTitle": "Broken", "Parameters": "", "Statistics": null }
          ]
        }
        """;

    private static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"results-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Fact]
    public void Reads_each_measured_case_with_the_date_the_run_started()
    {
        var file = Path.Combine(TempFolder(), "Tutorial.Benchmarks.WorkerPoolBenchmarks-report-brief.json");
        File.WriteAllText(file, Export);

        var rows = BenchmarkResult.Load(file);

        var runAt = new DateTime(2026, 11, 27, 23, 54, 33);
        Assert.Equal(
            [
                new BenchmarkResult("WorkerPool", "LibraryRunAsync", "library RunAsync", "Workers=2", 235.09, 72, runAt),
                new BenchmarkResult("WorkerPool", "DataflowActionBlock", "ActionBlock", "", 404.5, null, runAt),
            ],
            rows);
    }

    [Fact]
    public void Reads_every_json_file_of_a_folder_in_name_order()
    {
        var folder = TempFolder();
        File.WriteAllText(Path.Combine(folder, "b-report-brief.json"), Export.Replace("WorkerPoolBenchmarks", "ChannelBenchmarks"));
        File.WriteAllText(Path.Combine(folder, "a-report-brief.json"), Export);
        File.WriteAllText(Path.Combine(folder, "environment.txt"), "not json");

        var rows = BenchmarkResult.Load(folder);

        Assert.Equal(["WorkerPool", "WorkerPool", "Channel", "Channel"], rows.Select(r => r.Suite));
    }

    [Fact]
    public void The_checked_in_results_load_and_carry_their_own_date()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Tutorial.sln")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("no Tutorial.sln above the test assembly");

        var rows = BenchmarkResult.Load(Path.Combine(root, "tests", "Tutorial.Benchmarks", "results"));

        Assert.Equal(["ArticlePrograms", "Channel", "Starvation", "WaitGroup", "WorkerPool"], rows.Select(r => r.Suite).Distinct().Order());
        Assert.All(rows, r => Assert.True(r.NsPerOperation > 0 && r.RunAt.Year >= 2026, r.ToString()));
        Assert.Contains(rows, r => r.Approach == "library RunAsync");
        Assert.Contains(rows, r => r.Approach == "Parallel.ForEachAsync array");
    }

    [Fact]
    public void Nothing_to_read_says_how_to_produce_it()
    {
        var error = Assert.Throws<FileNotFoundException>(() => BenchmarkResult.Load("/no/such/results"));
        Assert.Contains("run-and-save.sh", error.Message);
        Assert.Throws<FileNotFoundException>(() => BenchmarkResult.Load(TempFolder())); // a folder with no JSON
    }

    [Fact]
    public void A_file_that_is_not_BenchmarkDotNets_export_is_named()
    {
        var file = Path.Combine(TempFolder(), "other.json");
        File.WriteAllText(file, """{ "Title": "x", "Benchmarks": [] }""");

        var error = Assert.Throws<FormatException>(() => BenchmarkResult.Load(file));

        Assert.Contains(file, error.Message);
        Assert.Contains("not BenchmarkDotNet's JSON export", error.Message);
    }
}
