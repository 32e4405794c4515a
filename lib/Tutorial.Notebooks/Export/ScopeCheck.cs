using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Tutorial.Notebooks.Export;

/// <summary>Finds the names a notebook may reuse and a file-based app may not. Each notebook cell is its own script
/// submission, so a later cell can declare a name again (and a block in one cell can use a name another cell declares
/// at the top); an app's top-level statements are one scope, where both are compile errors. The C# compiler itself
/// decides: the app's code is bound against the framework alone, and only its scope errors are kept (the many errors
/// about types from packages it could not see are not this check's business).</summary>
internal static class ScopeCheck
{
    // CS0128: a local variable or local function named N is already defined in this scope.
    // CS0136: a local named N cannot be declared in this scope because it would give a different meaning to N.
    private static readonly HashSet<string> ScopeErrors = new(StringComparer.Ordinal) { "CS0128", "CS0136" };

    private static readonly Lazy<IReadOnlyList<MetadataReference>> Framework = new(() =>
        Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    /// <summary>Throws for the first scope conflict in <paramref name="body"/>, naming the cells involved.</summary>
    /// <param name="lesson">The notebook file (for the message).</param>
    /// <param name="body">The app's C# code without its <c>#:</c> directives.</param>
    /// <param name="cellAt">The cell a 0-based line of <paramref name="body"/> came from, or null for generated lines.</param>
    /// <exception cref="LessonExportException">Two cells declare the same name in a way one scope does not allow.</exception>
    public static void Check(string lesson, string body, Func<int, int?> cellAt)
    {
        var tree = CSharpSyntaxTree.ParseText(body, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("exported-lesson", [tree], Framework.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var conflict = compilation.GetDiagnostics()
            .Where(d => ScopeErrors.Contains(d.Id))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .FirstOrDefault();
        if (conflict is null)
        {
            return;
        }

        var root = tree.GetRoot();
        var name = root.FindToken(conflict.Location.SourceSpan.Start).ValueText;
        var cells = Declarations(root, name)
            .Select(token => cellAt(token.GetLocation().GetLineSpan().StartLinePosition.Line))
            .OfType<int>()
            .Distinct()
            .Order()
            .ToList();
        var cell = cellAt(conflict.Location.GetLineSpan().StartLinePosition.Line);
        var where = cells.Count > 1
            ? $"cells {string.Join(" and ", cells)} both declare '{name}'"
            : $"'{name}' is declared twice";
        throw new LessonExportException(lesson, cells.Count > 1 ? cells[^1] : cell,
            $"{where}. A notebook lets each cell reuse a name; a file-based app runs every cell in one scope, where that is " +
            $"error {conflict.Id} ({conflict.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}). Rename one of them in the notebook.");
    }

    // Every token that declares a local, a local function, a parameter or a pattern/foreach/catch variable named `name`.
    private static IEnumerable<SyntaxToken> Declarations(SyntaxNode root, string name) =>
        root.DescendantNodes().Select(node => node switch
        {
            VariableDeclaratorSyntax v => v.Identifier,
            LocalFunctionStatementSyntax f => f.Identifier,
            ParameterSyntax p => p.Identifier,
            SingleVariableDesignationSyntax d => d.Identifier,
            ForEachStatementSyntax e => e.Identifier,
            CatchDeclarationSyntax c => c.Identifier,
            _ => default,
        }).Where(token => token.ValueText == name);

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
