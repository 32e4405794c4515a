using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tutorial.Notebooks.Execution;

namespace Tutorial.Notebooks.Documents;

/// <summary>Writes an executed notebook as nbformat 4 JSON with its outputs.</summary>
/// <remarks>It starts from the notebook's own JSON so that kernelspec, language_info, the polyglot_notebook metadata
/// and cell ids survive untouched; only <c>outputs</c> and <c>execution_count</c> of code cells change.</remarks>
public static class ExecutedNotebookWriter
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        // Chart HTML is full of quotes and angle brackets: keep it readable in the file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns the notebook JSON with outputs.</summary>
    public static string ToJson(NotebookRun run)
    {
        var notebook = (JsonObject)run.Notebook.Json.DeepClone();
        var cells = (JsonArray)notebook["cells"]!;

        for (var i = 0; i < run.Cells.Count; i++)
        {
            var result = run.Cells[i];
            if (result.Cell.Kind != CellKind.Code || cells[i] is not JsonObject cell)
            {
                continue;
            }

            cell["execution_count"] = result.ExecutionCount > 0 ? result.ExecutionCount : null;
            cell["outputs"] = new JsonArray(result.Outputs.Select(o => ToJupyter(o, result.ExecutionCount)).ToArray<JsonNode?>());
        }

        return notebook.ToJsonString(Indented) + "\n";
    }

    /// <summary>Writes the notebook with outputs to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(NotebookRun run, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, ToJson(run));
    }

    private static JsonObject ToJupyter(CellOutput output, int executionCount) => output.Kind switch
    {
        OutputKind.StandardOutput => Stream("stdout", output.Text ?? ""),
        OutputKind.StandardError => Stream("stderr", output.Text ?? ""),
        OutputKind.Error => new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = output.ErrorName ?? "Error",
            ["evalue"] = output.Text ?? "",
            ["traceback"] = new JsonArray(),
        },
        OutputKind.ReturnValue => new JsonObject
        {
            ["output_type"] = "execute_result",
            ["execution_count"] = executionCount,
            ["data"] = Data(output),
            ["metadata"] = new JsonObject(),
        },
        _ => new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = Data(output),
            ["metadata"] = new JsonObject(),
        },
    };

    private static JsonObject Stream(string name, string text) => new()
    {
        ["output_type"] = "stream",
        ["name"] = name,
        ["text"] = MultilineString(text),
    };

    private static JsonObject Data(CellOutput output)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in output.Data)
        {
            data[mime] = MultilineString(value);
        }

        return data;
    }

    // nbformat stores text as a list of lines that keep their newline; editors diff it line by line.
    private static JsonArray MultilineString(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var next = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..next]);
            start = next;
        }

        return lines;
    }
}
