using System.Globalization;
using System.Text.Json;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 11's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson11StarvationAndBenchmarksClaims
{
    private static string ResultsFolder => Path.Combine(TestPaths.RepositoryRoot, "tests", "Tutorial.Benchmarks", "results");

    [Fact]
    public async Task Lesson_11_blocking_jobs_starve_the_pool_and_async_ones_do_not()
    {
        var run = await CourseRuns.EngineAsync("11");
        var blocking = NotebookAssert.KeyFigureNumber(run, "100 blocking 50 ms jobs via fan-out");
        var waiting = NotebookAssert.KeyFigureNumber(run, "100 async 50 ms jobs via fan-out");

        Assert.True(blocking > 3 * waiting, $"100 blocking jobs took {blocking} ms and 100 async ones {waiting} ms: the text says the blocking batch is far slower");
    }

    // Issue 9: the results' date must come from the results, not from the files' modification time (the checkout time).
    // BenchmarkDotNet titles each summary "<suite>-yyyyMMdd-HHmmss"; run-and-save.sh runs it with TZ=UTC.
    [Fact]
    public async Task Lesson_11_dates_the_benchmark_results_from_the_results_themselves()
    {
        var stamps = Directory.GetFiles(ResultsFolder, "*.json")
            .Select(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("Title").GetString()!)
            .Select(title => DateTime.ParseExact(title[^15..], "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture))
            .ToList();
        var output = (await CourseRuns.EngineAsync("11")).CellContaining("BenchmarkResult.Load").StandardOutput;

        Assert.Contains($"measured {stamps.Min():yyyy-MM-dd HH:mm} to {stamps.Max():yyyy-MM-dd HH:mm} UTC", output, StringComparison.Ordinal);
    }

    // Issue 9: values of 10^7-10^8 "ns per operation" need a per-item unit. Every suite in results/ is listed under what one
    // of its operations is, and every (suite, operation) gets a chart of its own.
    [Fact]
    public async Task Lesson_11_gives_every_benchmark_suite_a_unit_per_operation_and_a_chart()
    {
        var suites = Directory.GetFiles(ResultsFolder, "*.json")
            .Select(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("Title").GetString()!)
            .Select(title => title[..^16].Split('.')[^1].Replace("Benchmarks", "", StringComparison.Ordinal))
            .ToList();
        var run = await CourseRuns.EngineAsync("11");
        var listing = run.CellContaining("BenchmarkResult.Load").StandardOutput;
        var headings = listing.Split('\n').Where(l => l.EndsWith(':') && l.Contains(", per ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(suites);
        foreach (var suite in suites)
            Assert.Contains(headings, h => h.StartsWith($"{suite}, per ", StringComparison.Ordinal));
        Assert.DoesNotContain("per op", listing, StringComparison.Ordinal);
        Assert.Equal(headings.Count, run.CellContaining("ConcurrencyCharts.GroupedBars").Outputs.Count(o => o.IsChart));
    }
}
