using System.Text.Json.Nodes;
using Tutorial.Notebooks.Tests.Infrastructure;
using Tutorial.Notebooks.Tests.Lessons;

namespace Tutorial.Notebooks.Tests.StockKernel;

/// <summary>Runs notebooks out of process in the stock kernel a learner uses (<c>dotnet repl</c> from the repository's
/// tool manifest, built on the same kernel as VS Code's Polyglot Notebooks and Jupyter). This is what catches the
/// FSharp.Core 10.0 vs 10.1 trap, which the in-process engine, carrying FSharp.Core 10.1 itself, cannot see.</summary>
[Collection(NotebookCollection.Name)]
public sealed class StockKernelTests
{
    private static readonly TimeSpan ToolRestoreTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan NotebookTimeout = TimeSpan.FromMinutes(5);
    private static readonly Lazy<Task> ToolsRestored = new(RestoreToolsAsync);

    [Fact]
    public async Task Setup_cells_and_charts_work_in_the_stock_kernel()
    {
        var cells = await RunInStockKernelAsync(TestPaths.Fixture("01-setup-and-chart"));

        Assert.Contains("hello notebook from Tutorial.Concurrency", Text(cells[4]), StringComparison.Ordinal);
        Assert.Contains("Plotly chart will be drawn", Text(cells[6]), StringComparison.Ordinal);
        Assert.Contains("Plotly chart will be drawn", Text(cells[7]), StringComparison.Ordinal);
        Assert.Contains("Plotly chart will be drawn", Text(cells[10]), StringComparison.Ordinal); // after re-running setup cell 1
    }

    [Theory]
    [MemberData(nameof(AllLessonsTests.Lessons), MemberType = typeof(AllLessonsTests))]
    public async Task Lesson_runs_cleanly_in_the_stock_kernel(string lesson) =>
        await RunInStockKernelAsync(LessonRuns.Find(lesson).Path);

    // Runs the notebook with dotnet repl from the notebook's own folder (dotnet repl resolves relative #r paths
    // against its working directory, and finds the tool manifest by walking up from it), and fails on any error output.
    private static async Task<JsonArray> RunInStockKernelAsync(string notebook)
    {
        await ToolsRestored.Value;
        var output = Path.Combine(TestPaths.NewOutputFolder("stock-kernel"), Path.GetFileName(notebook));

        var result = await ProcessRunner.RunAsync(
            "dotnet",
            ["repl", "--run", notebook, "--exit-after-run", "--output-path", output],
            Path.GetDirectoryName(notebook)!,
            NotebookTimeout);

        Assert.True(File.Exists(output), $"dotnet repl wrote no notebook; {result}");
        var cells = JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray();
        var errors = cells
            .Select((cell, i) => (number: i + 1, outputs: cell!["outputs"] as JsonArray ?? []))
            .SelectMany(c => c.outputs.Where(o => (string?)o!["output_type"] == "error" || (string?)o!["name"] == "stderr")
                                      .Select(o => $"cell {c.number}: {(string?)o!["evalue"] ?? Text(o)}"))
            .ToList();
        Assert.True(errors.Count == 0, $"{Path.GetFileName(notebook)} failed in the stock kernel:\n  {string.Join("\n  ", errors)}");
        Assert.True(result.ExitCode == 0, $"dotnet repl: {result}");
        return cells;
    }

    private static async Task RestoreToolsAsync()
    {
        var result = await ProcessRunner.RunAsync("dotnet", ["tool", "restore"], TestPaths.RepositoryRoot, ToolRestoreTimeout);
        Assert.True(result.ExitCode == 0, $"dotnet tool restore: {result}");
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray array => string.Concat(array.Select(Text)),
        JsonObject obj => string.Concat(obj.Select(p => p.Key is "output_type" or "name" or "metadata" or "execution_count" ? "" : Text(p.Value))),
        JsonValue value => value.ToString(),
        _ => "",
    };
}
