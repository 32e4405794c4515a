using System.Text.Json.Nodes;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Export;

/// <summary>A throw-away course laid out like the repository: <c>notebooks/</c> beside <c>lib/Demo/Demo.csproj</c>, so a
/// cell can <c>#r "../lib/Demo/bin/Debug/net10.0/Demo.dll"</c> as the lessons do, and <c>artifacts/apps/</c> to export to.</summary>
internal sealed class LessonFixture
{
    public LessonFixture()
    {
        Root = TestPaths.NewOutputFolder("export");
        Directory.CreateDirectory(Notebooks);
        Directory.CreateDirectory(Path.Combine(Root, "lib", "Demo"));
        File.WriteAllText(Path.Combine(Root, "lib", "Demo", "Demo.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
    }

    public string Root { get; }

    public string Notebooks => Path.Combine(Root, "notebooks");

    public string Apps => Path.Combine(Root, "artifacts", "apps");

    /// <summary>A markdown cell.</summary>
    public static (string Kind, string Source) Md(string source) => ("markdown", source);

    /// <summary>A C# code cell.</summary>
    public static (string Kind, string Source) Cs(string source) => ("csharp", source);

    /// <summary>A code cell for another Polyglot kernel.</summary>
    public static (string Kind, string Source) Code(string kernel, string source) => (kernel, source);

    /// <summary>A raw cell.</summary>
    public static (string Kind, string Source) Raw(string source) => ("raw", source);

    /// <summary>Writes <c>notebooks/<paramref name="name"/>.ipynb</c> (nbformat 4, Polyglot metadata as the lessons have it).</summary>
    public string Write(string name, params (string Kind, string Source)[] cells)
    {
        var json = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(Cell).ToArray()),
            ["metadata"] = JsonNode.Parse("""
                {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
                 "language_info": {"name": "polyglot-notebook"},
                 "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"name": "csharp", "languageName": "csharp"}]}}}
                """),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = Path.Combine(Notebooks, name + ".ipynb");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static JsonNode Cell((string Kind, string Source) cell)
    {
        var lines = cell.Source.Split('\n');
        var source = new JsonArray(lines.Select((line, i) => (JsonNode?)JsonValue.Create(i < lines.Length - 1 ? line + "\n" : line)).ToArray());
        return cell.Kind switch
        {
            "markdown" or "raw" => new JsonObject { ["cell_type"] = cell.Kind, ["metadata"] = new JsonObject(), ["source"] = source },
            _ => new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = cell.Kind } },
                ["outputs"] = new JsonArray(),
                ["source"] = source,
            },
        };
    }
}
