using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tutorial.Notebooks.Documents;

/// <summary>A Polyglot (.ipynb, nbformat 4) C# notebook read from disk: its cells plus the original JSON,
/// which <see cref="ExecutedNotebookWriter"/> fills with outputs so that every piece of metadata survives.</summary>
/// <remarks>The JSON is checked here, field by field, rather than by the Polyglot document parser: that parser accepts
/// <c>"source": 42</c>, throws assorted exceptions on a <c>null</c> cell or a numeric <c>cell_type</c>, and reads a Python
/// notebook as C#. A learner or a course author needs one line saying which cell is wrong and how.</remarks>
public sealed class NotebookDocument
{
    /// <summary>The kernel name of C# in Polyglot metadata.</summary>
    public const string CSharp = "csharp";

    // Polyglot kernel names and aliases that select a language other than C# (the #!name magic or cell metadata).
    private static readonly Dictionary<string, string> OtherKernels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fsharp"] = "F#", ["f#"] = "F#", ["pwsh"] = "PowerShell", ["powershell"] = "PowerShell",
        ["javascript"] = "JavaScript", ["js"] = "JavaScript", ["html"] = "HTML", ["markdown"] = "Markdown", ["md"] = "Markdown",
        ["mermaid"] = "Mermaid", ["sql"] = "SQL", ["kql"] = "KQL", ["http"] = "HTTP", ["python"] = "Python", ["r"] = "R",
        ["value"] = "a value kernel",
    };

    private NotebookDocument(string path, JsonObject json, IReadOnlyList<NotebookCell> cells, string? languageProblem)
    {
        Path = path;
        Json = json;
        Cells = cells;
        LanguageProblem = languageProblem;
    }

    /// <summary>Why this notebook is not (all) C#, e.g. <c>cell 4 is F# (kernel 'fsharp')...</c>; null for a C# notebook.
    /// Reading such a notebook works (an exporter may want to name the cell itself); running it does not.</summary>
    public string? LanguageProblem { get; }

    /// <summary>Refuses a notebook that is not all C#: the engine would compile its cells as C# and fail with cryptic errors.</summary>
    /// <exception cref="NotebookLanguageException">The notebook, or one of its code cells, is in another language.</exception>
    public void RequireCSharp()
    {
        if (LanguageProblem is { } problem)
        {
            throw new NotebookLanguageException(Path, problem);
        }
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

    /// <summary>Reads and validates a notebook file (see <see cref="RequireCSharp"/> for its language).</summary>
    /// <exception cref="NotebookFormatException">The file is not JSON or not an nbformat 4 notebook.</exception>
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

    /// <summary>Validates <paramref name="json"/> as the contents of the notebook at <paramref name="path"/> (see
    /// <see cref="RequireCSharp"/> for its language).</summary>
    /// <exception cref="NotebookFormatException">The text is not JSON or not an nbformat 4 notebook.</exception>
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

        if (!IsInteger(notebook["nbformat"], out var major) || major != 4)
        {
            throw new NotebookFormatException(path, $"\"nbformat\" must be the integer 4 (found {Describe(notebook["nbformat"])})");
        }

        if (notebook.ContainsKey("nbformat_minor") && (!IsInteger(notebook["nbformat_minor"], out var minor) || minor < 0))
        {
            throw new NotebookFormatException(path, $"\"nbformat_minor\" must be a whole number (found {Describe(notebook["nbformat_minor"])})");
        }

        if (notebook.ContainsKey("metadata") && notebook["metadata"] is not JsonObject)
        {
            throw new NotebookFormatException(path, $"\"metadata\" must be an object (found {Describe(notebook["metadata"])})");
        }

        if (notebook["cells"] is not JsonArray jsonCells)
        {
            throw new NotebookFormatException(path, "there is no \"cells\" array");
        }

        var (defaultKernel, languageProblem) = DefaultKernel(notebook["metadata"] as JsonObject);
        var cells = new List<NotebookCell>(jsonCells.Count);
        for (var i = 0; i < jsonCells.Count; i++)
        {
            var (cell, problem) = ReadCell(path, i + 1, jsonCells[i], defaultKernel);
            cells.Add(cell);
            languageProblem ??= problem;
        }

        return new NotebookDocument(path, notebook, cells, languageProblem);
    }

    private static (NotebookCell Cell, string? LanguageProblem) ReadCell(string path, int number, JsonNode? node, string defaultKernel)
    {
        if (node is not JsonObject cell)
        {
            throw new NotebookFormatException(path, $"cell {number} must be an object (found {Describe(node)})");
        }

        var type = cell["cell_type"];
        var kind = (type?.GetValueKind() == JsonValueKind.String ? type.GetValue<string>() : null) switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            _ => throw new NotebookFormatException(path, $"cell {number} has no valid \"cell_type\" (found {(cell.ContainsKey("cell_type") ? Describe(type) : "none")}; expected \"code\", \"markdown\" or \"raw\")"),
        };

        var source = cell["source"] switch
        {
            null when !cell.ContainsKey("source") => throw new NotebookFormatException(path, $"cell {number} has no \"source\""),
            JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>(),
            JsonArray lines when lines.All(l => l?.GetValueKind() == JsonValueKind.String) => string.Concat(lines.Select(l => l!.GetValue<string>())),
            var other => throw new NotebookFormatException(path, $"cell {number}'s \"source\" must be a string or a list of strings (found {Describe(other)})"),
        };

        if (cell.ContainsKey("metadata") && cell["metadata"] is not JsonObject)
        {
            throw new NotebookFormatException(path, $"cell {number}'s \"metadata\" must be an object (found {Describe(cell["metadata"])})");
        }

        if (kind == CellKind.Code && cell.ContainsKey("outputs") && cell["outputs"] is not JsonArray)
        {
            throw new NotebookFormatException(path, $"cell {number}'s \"outputs\" must be a list (found {Describe(cell["outputs"])})");
        }

        if (kind != CellKind.Code)
        {
            return (new NotebookCell(number, kind, kind == CellKind.Markdown ? "markdown" : "raw", source), null);
        }

        var metadata = cell["metadata"] as JsonObject;
        var kernel = Text(metadata?["polyglot_notebook"]?["kernelName"]) ?? Text(metadata?["dotnet_interactive"]?["language"]) ?? defaultKernel;
        if (!IsCSharp(kernel))
        {
            return (new NotebookCell(number, kind, kernel, source), $"cell {number} is {LanguageName(kernel)} (kernel '{kernel}'); the runner runs C# cells only");
        }

        foreach (var line in source.Split('\n'))
        {
            // "#!fsharp" on a line of its own switches the rest of the cell to F# in Polyglot; other #! lines (#!time,
            // #!set, ...) are directives of the C# kernel itself.
            var trimmed = line.Trim();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal) && OtherKernels.TryGetValue(trimmed[2..].Split(' ', 2)[0], out var language))
            {
                return (new NotebookCell(number, kind, CSharp, source), $"cell {number} switches to {language} with '{trimmed}'; the runner runs C# cells only");
            }
        }

        return (new NotebookCell(number, kind, CSharp, source), null);
    }

    // The kernel a code cell without its own kernel metadata runs in: Polyglot's default kernel, else the Jupyter kernelspec's.
    private static (string Kernel, string? LanguageProblem) DefaultKernel(JsonObject? metadata)
    {
        var polyglot = Text(metadata?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);
        var specName = Text(metadata?["kernelspec"]?["name"]);
        var specLanguage = Text(metadata?["kernelspec"]?["language"]);
        var infoName = Text(metadata?["language_info"]?["name"]);

        if (polyglot is not null)
        {
            return (polyglot, null);
        }

        foreach (var (field, value) in new[] { ("kernelspec.language", specLanguage), ("language_info.name", infoName) })
        {
            if (value is not null && !IsCSharp(value) && !value.Equals("polyglot-notebook", StringComparison.OrdinalIgnoreCase))
            {
                return (value, $"its {field} is '{value}' (kernelspec '{specName ?? "none"}'); the runner runs C# notebooks only");
            }
        }

        if (specName is not null && specName.StartsWith(".net-", StringComparison.OrdinalIgnoreCase) && !IsCSharp(specName[".net-".Length..]))
        {
            return (specName[".net-".Length..], $"its kernelspec is '{specName}'; the runner runs C# notebooks only");
        }

        return (CSharp, null);
    }

    private static bool IsCSharp(string kernel) =>
        kernel.Equals(CSharp, StringComparison.OrdinalIgnoreCase) || kernel.Equals("c#", StringComparison.OrdinalIgnoreCase);

    private static string LanguageName(string kernel) => OtherKernels.TryGetValue(kernel, out var name) ? name : $"in another language";

    private static string? Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    private static bool IsInteger(JsonNode? node, out long value)
    {
        value = 0;
        return node?.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue(out value);
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => $"the string {node.ToJsonString()}",
            JsonValueKind.Number => $"the number {node.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => node.ToJsonString(),
            _ => node.ToJsonString(),
        },
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}
