using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Classification;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Tutorial.Notebooks.Rendering;

/// <summary>Highlights C# for the site with Roslyn's classifier, the one behind Visual Studio and VS Code's C# colours:
/// every token is classified by the real C# grammar (raw and interpolated strings, contextual keywords, notebook
/// <c>#r</c> directives) and, because the cells are compiled as the kernel chains them, names declared in an earlier cell
/// and the library's types are coloured as types and methods too.</summary>
/// <remarks>Roslyn is already in the runner (the C# kernel is built on it), so this adds no package and no JavaScript to
/// the offline site. Nothing is executed: the cells are parsed and bound, never emitted.</remarks>
public static class CSharpHighlighter
{
    // The usings the C# kernel adds to every submission, so that Task, List<T> and LINQ bind as they do in the notebook.
    private static readonly string[] KernelUsings =
        ["System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks"];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> PlatformReferences = new(() =>
        [.. ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))]);

    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>Returns HTML for one piece of <paramref name="code"/> (without the surrounding <c>&lt;pre&gt;</c>).</summary>
    public static string Highlight(string code) => HighlightCells([code])[0];

    /// <summary>Returns HTML for each of a notebook's code cells, compiled as one chain of submissions.</summary>
    /// <param name="cells">The cells' sources, in order.</param>
    /// <param name="baseDirectory">The folder relative <c>#r "file.dll"</c> paths are resolved against (the notebook's);
    /// null to ignore them.</param>
    public static IReadOnlyList<string> HighlightCells(IReadOnlyList<string> cells, string? baseDirectory = null)
    {
        // Each cell is a submission project that references the previous one, the way the C# Interactive window chains
        // them, so the workspace compiles the cells as the kernel does.
        using var workspace = new AdhocWorkspace();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: KernelUsings);
        var references = new List<MetadataReference>(PlatformReferences.Value);
        var solution = workspace.CurrentSolution;
        var documents = new List<DocumentId>(cells.Count);
        ProjectId? previous = null;
        for (var i = 0; i < cells.Count; i++)
        {
            var text = SourceText.From(cells[i]);
            references.AddRange(LibraryReferences(CSharpSyntaxTree.ParseText(text, ScriptOptions), baseDirectory));
            var project = ProjectId.CreateNewId();
            solution = solution.AddProject(ProjectInfo.Create(
                project, VersionStamp.Default, $"cell{i + 1}", $"cell{i + 1}", LanguageNames.CSharp,
                compilationOptions: options, parseOptions: ScriptOptions, metadataReferences: [.. references],
                projectReferences: previous is null ? null : [new ProjectReference(previous)], isSubmission: true));
            var document = DocumentId.CreateNewId(project);
            solution = solution.AddDocument(document, $"cell{i + 1}.csx", text);
            documents.Add(document);
            previous = project;
        }

        var html = new List<string>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            var spans = Classifier.GetClassifiedSpansAsync(solution.GetDocument(documents[i])!, new TextSpan(0, cells[i].Length))
                .GetAwaiter().GetResult();
            html.Add(ToHtml(cells[i], spans));
        }

        return html;
    }

    // #r "path/to/Library.dll" (not "nuget:") that exists: its metadata lets the library's names be coloured.
    private static IEnumerable<MetadataReference> LibraryReferences(SyntaxTree tree, string? baseDirectory)
    {
        if (baseDirectory is null)
        {
            yield break;
        }

        foreach (var directive in tree.GetCompilationUnitRoot().GetReferenceDirectives())
        {
            var file = directive.File.ValueText;
            if (file.Contains(':', StringComparison.Ordinal) && !Path.IsPathRooted(file))
            {
                continue; // nuget:, or another scheme the kernel resolves
            }

            var path = Path.GetFullPath(Path.Combine(baseDirectory, file));
            if (File.Exists(path))
            {
                yield return MetadataReference.CreateFromFile(path);
            }
        }
    }

    private static string ToHtml(string code, IEnumerable<ClassifiedSpan> spans)
    {
        // Classified tokens in order, overlaps dropped (the first wins), and touching tokens of one colour joined, so
        // that "#r" is one span, not "#" and "r".
        var runs = new List<(int Start, int End, string Css)>();
        foreach (var span in spans.Select(s => (s.TextSpan, Css: Css(s.ClassificationType))).Where(s => s.Css is not null && !s.TextSpan.IsEmpty).OrderBy(s => s.TextSpan.Start))
        {
            if (runs.Count > 0 && span.TextSpan.Start < runs[^1].End)
            {
                continue;
            }

            if (runs.Count > 0 && runs[^1].End == span.TextSpan.Start && runs[^1].Css == span.Css)
            {
                runs[^1] = (runs[^1].Start, span.TextSpan.End, span.Css!);
            }
            else
            {
                runs.Add((span.TextSpan.Start, span.TextSpan.End, span.Css!));
            }
        }

        var html = new StringBuilder(code.Length * 2);
        var position = 0;
        foreach (var (start, end, css) in runs)
        {
            html.Append(Html.Encode(code[position..start]))
                .Append("<span class=\"tok-").Append(css).Append("\">").Append(Html.Encode(code[start..end])).Append("</span>");
            position = end;
        }

        html.Append(Html.Encode(code[position..]));
        return html.ToString();
    }

    // Roslyn's classification names, grouped into the few colours the site's stylesheet defines.
    private static string? Css(string classification) => classification switch
    {
        ClassificationTypeNames.Keyword or ClassificationTypeNames.ControlKeyword => "keyword",
        ClassificationTypeNames.PreprocessorKeyword or ClassificationTypeNames.PreprocessorText => "directive",
        ClassificationTypeNames.StringLiteral or ClassificationTypeNames.VerbatimStringLiteral or ClassificationTypeNames.StringEscapeCharacter => "string",
        ClassificationTypeNames.NumericLiteral => "number",
        ClassificationTypeNames.Comment => "comment",
        ClassificationTypeNames.ClassName or ClassificationTypeNames.RecordClassName or ClassificationTypeNames.StructName
            or ClassificationTypeNames.RecordStructName or ClassificationTypeNames.InterfaceName or ClassificationTypeNames.EnumName
            or ClassificationTypeNames.DelegateName or ClassificationTypeNames.TypeParameterName => "type",
        ClassificationTypeNames.MethodName or ClassificationTypeNames.ExtensionMethodName => "method",
        _ when classification.StartsWith("xml doc comment", StringComparison.Ordinal) => "comment",
        _ => null,
    };
}
