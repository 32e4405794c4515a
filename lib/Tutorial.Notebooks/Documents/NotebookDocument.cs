using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Docs = Microsoft.DotNet.Interactive.Documents;

namespace Tutorial.Notebooks.Documents;

/// <summary>A Polyglot (.ipynb, nbformat 4) notebook read from disk: its cells plus the original JSON,
/// which <see cref="ExecutedNotebookWriter"/> fills with outputs so that every piece of metadata survives.</summary>
public sealed class NotebookDocument
{
    private NotebookDocument(string path, JsonObject json, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        Json = json;
        Cells = cells;
    }

    /// <summary>Absolute path of the notebook file.</summary>
    public string Path { get; }

    /// <summary>The folder the notebook lives in; cells run with it as the working directory.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The file name without extension, e.g. <c>01-hello-tasks</c>.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>All cells in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The first markdown heading, or the file name when the notebook has none.</summary>
    public string Title =>
        Cells.Where(c => c.Kind == CellKind.Markdown)
             .SelectMany(c => c.Source.Split('\n'))
             .Select(line => line.Trim())
             .FirstOrDefault(line => line.StartsWith('#'))?.TrimStart('#').Trim()
        ?? Name;

    /// <summary>The notebook JSON as read; treat as read-only.</summary>
    internal JsonObject Json { get; }

    /// <summary>Reads and validates a notebook file.</summary>
    /// <exception cref="NotebookFormatException">The file is not JSON, or not an nbformat 4 notebook.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static NotebookDocument Load(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"{fullPath}: no such notebook", fullPath);
        }

        return Parse(fullPath, File.ReadAllText(fullPath));
    }

    /// <summary>Validates <paramref name="json"/> as the contents of the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="NotebookFormatException">The text is not JSON, or not an nbformat 4 notebook.</exception>
    public static NotebookDocument Parse(string path, string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            // JsonException's line numbers are 0-based; editors count from 1.
            var where = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new NotebookFormatException(path, $"the file is not valid JSON{where} ({FirstSentence(e.Message)})", e);
        }

        if (root is not JsonObject notebook)
        {
            throw new NotebookFormatException(path, "the top-level JSON value must be an object");
        }

        if (notebook["nbformat"]?.GetValueKind() != JsonValueKind.Number || notebook["nbformat"]!.GetValue<int>() != 4)
        {
            throw new NotebookFormatException(path, "\"nbformat\" must be 4");
        }

        if (notebook["cells"] is not JsonArray jsonCells)
        {
            throw new NotebookFormatException(path, "there is no \"cells\" array");
        }

        Docs.InteractiveDocument parsed;
        try
        {
            parsed = Notebook.Parse(json, KernelInfos());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new NotebookFormatException(path, FirstSentence(e.Message), e);
        }

        if (parsed.Elements.Count != jsonCells.Count)
        {
            throw new NotebookFormatException(path, $"{jsonCells.Count} cells in the JSON but {parsed.Elements.Count} understood by the Polyglot parser");
        }

        var cells = new List<NotebookCell>(jsonCells.Count);
        for (var i = 0; i < jsonCells.Count; i++)
        {
            var type = (jsonCells[i] as JsonObject)?["cell_type"]?.GetValue<string>();
            var kind = type switch
            {
                "code" => CellKind.Code,
                "markdown" => CellKind.Markdown,
                "raw" => CellKind.Raw,
                _ => throw new NotebookFormatException(path, $"cell {i + 1} has no valid \"cell_type\" (found {(type is null ? "none" : $"'{type}'")})"),
            };
            var element = parsed.Elements[i];
            cells.Add(new NotebookCell(i + 1, kind, element.KernelName ?? "csharp", element.Contents ?? ""));
        }

        return new NotebookDocument(path, notebook, cells);
    }

    /// <summary>A copy of this notebook in which some cells have new source, e.g. an exercise's starter cell replaced by
    /// its solution. The copy keeps this notebook's path, so it runs in the same folder.</summary>
    /// <param name="sources">The new source of each cell to replace, by 1-based cell number.</param>
    /// <returns>The edited copy.</returns>
    /// <exception cref="ArgumentException">A cell number does not exist.</exception>
    public NotebookDocument WithCellSources(IReadOnlyDictionary<int, string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var json = (JsonObject)Json.DeepClone();
        var jsonCells = (JsonArray)json["cells"]!;
        var cells = Cells.ToList();
        foreach (var (number, source) in sources)
        {
            if (number < 1 || number > cells.Count)
            {
                throw new ArgumentException($"{Name} has no cell {number} (it has {cells.Count}).", nameof(sources));
            }

            cells[number - 1] = cells[number - 1] with { Source = source };
            var lines = source.Split('\n');
            jsonCells[number - 1]!["source"] = new JsonArray(lines.Select((line, i) => (JsonNode?)JsonValue.Create(i < lines.Length - 1 ? line + "\n" : line)).ToArray());
        }

        return new NotebookDocument(Path, json, cells);
    }

    /// <summary>The kernels the course uses; a cell without kernel metadata falls back to C#.</summary>
    internal static Docs.KernelInfoCollection KernelInfos()
    {
        var kernels = new Docs.KernelInfoCollection
        {
            new Docs.KernelInfo("csharp", "csharp", ["c#", "C#"]),
        };
        kernels.DefaultKernelName = "csharp";
        return kernels;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}
