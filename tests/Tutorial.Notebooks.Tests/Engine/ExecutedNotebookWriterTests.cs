using System.Text.Json.Nodes;
using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Engine;

public sealed class ExecutedNotebookWriterTests
{
    [Fact]
    public async Task Written_notebook_is_nbformat_4_with_outputs_and_keeps_the_polyglot_metadata()
    {
        var run = await FixtureRuns.GetAsync(TestPaths.Fixture("01-setup-and-chart"));
        var path = Path.Combine(TestPaths.NewOutputFolder("writer"), "out.ipynb");

        ExecutedNotebookWriter.Write(run, path);

        var written = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var original = JsonNode.Parse(File.ReadAllText(TestPaths.Fixture("01-setup-and-chart")))!.AsObject();
        Assert.Equal(4, (int)written["nbformat"]!);
        Assert.True(JsonNode.DeepEquals(original["metadata"], written["metadata"]), "notebook metadata must survive");
        var cells = written["cells"]!.AsArray();
        Assert.Equal(original["cells"]!.AsArray().Count, cells.Count);
        Assert.Equal("csharp", (string?)cells[1]!["metadata"]!["polyglot_notebook"]!["kernelName"]);

        var greeter = cells[4]!.AsObject();
        Assert.Equal(3, (int)greeter["execution_count"]!);
        var stream = greeter["outputs"]!.AsArray().First(o => (string?)o!["output_type"] == "stream")!;
        Assert.Equal("stdout", (string?)stream["name"]);
        Assert.StartsWith("hello notebook from Tutorial.Concurrency\n", string.Concat(stream["text"]!.AsArray().Select(l => (string?)l)), StringComparison.Ordinal);

        var chart = cells[6]!["outputs"]!.AsArray().Single(o => (string?)o!["output_type"] == "execute_result")!;
        Assert.Equal(4, (int)chart["execution_count"]!);
        Assert.Contains("Plotly chart will be drawn", string.Concat(chart["data"]!["text/html"]!.AsArray().Select(l => (string?)l)), StringComparison.Ordinal);
        Assert.False(cells[0]!.AsObject().ContainsKey("outputs"), "markdown cells have no outputs");
    }

    [Fact]
    public async Task Errors_become_error_outputs()
    {
        var run = await FixtureRuns.GetAsync(TestPaths.Broken("01-failing-cell"));

        var cells = JsonNode.Parse(ExecutedNotebookWriter.ToJson(run))!["cells"]!.AsArray();

        var error = cells[2]!["outputs"]!.AsArray().Single()!;
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("System.InvalidOperationException", (string?)error["ename"]);
        Assert.Null(cells[3]!["execution_count"]);
        Assert.Empty(cells[3]!["outputs"]!.AsArray());
    }
}
