using System.Text.Json.Nodes;

namespace Tutorial.Notebooks.Tests.Infrastructure;

/// <summary>Writes small notebooks for tests: a Polyglot C# notebook from code cells, or any JSON text as a notebook file.</summary>
public static class TestNotebooks
{
    /// <summary>Writes <c>folder/fileName</c> as a Polyglot C# notebook with a title and one code cell per source.</summary>
    public static string Write(string folder, string fileName, params string[] codeCells)
    {
        var cells = new JsonArray { Markdown("# " + Path.GetFileNameWithoutExtension(fileName)) };
        foreach (var source in codeCells)
        {
            cells.Add(Code(source));
        }

        return WriteJson(folder, fileName, Notebook(cells).ToJsonString());
    }

    /// <summary>Writes <paramref name="json"/> as <c>folder/fileName</c>.</summary>
    public static string WriteJson(string folder, string fileName, string json)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>A Polyglot C# notebook object holding <paramref name="cells"/>.</summary>
    public static JsonObject Notebook(JsonArray cells) => new()
    {
        ["cells"] = cells,
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
        },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    /// <summary>A C# code cell.</summary>
    public static JsonObject Code(string source, string kernel = "csharp") => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel } },
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };

    /// <summary>A markdown cell.</summary>
    public static JsonObject Markdown(string source) => new()
    {
        ["cell_type"] = "markdown",
        ["metadata"] = new JsonObject(),
        ["source"] = source,
    };
}
