using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tutorial.Notebooks.Documents;

namespace Tutorial.Notebooks.Export;

/// <summary>One C# notebook cell taken apart the way a file-based app needs it. A notebook cell is a C# *script*
/// submission; a file-based app is a regular C# file with top-level statements, which differs in four ways this type
/// deals with: <c>#r</c> directives become <c>#:</c> directives, <c>using</c> directives move to the top of the file, type
/// declarations move after the last statement, and the trailing expression the notebook displays is displayed explicitly.</summary>
internal sealed class ScriptCell
{
    private static readonly CSharpParseOptions ScriptOptions =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    // Polyglot Notebooks' magic commands that only pick the cell's language; every other #! command needs the kernel.
    private static readonly HashSet<string> LanguageMagics = new(StringComparer.Ordinal) { "#!csharp", "#!c#", "#!C#" };

    private ScriptCell(int number, IReadOnlyList<string> references, IReadOnlyList<string> usings, string statements,
        IReadOnlyList<string> types)
    {
        Number = number;
        References = references;
        Usings = usings;
        Statements = statements;
        Types = types;
    }

    /// <summary>The cell's 1-based number.</summary>
    public int Number { get; }

    /// <summary>The value of each <c>#r</c> directive, e.g. <c>nuget: Plotly.NET, 6.0.0</c> or a DLL path.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>The cell's <c>using</c> directives, without trivia.</summary>
    public IReadOnlyList<string> Usings { get; }

    /// <summary>The cell's statements and local functions, comments kept, ready to be top-level statements.</summary>
    public string Statements { get; }

    /// <summary>The cell's type declarations (classes, records, structs, interfaces, enums, delegates), comments kept.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>Takes the C# code cell <paramref name="cell"/> of <paramref name="lesson"/> apart.</summary>
    /// <exception cref="LessonExportException">The cell uses something a file-based app cannot express.</exception>
    public static ScriptCell Parse(string lesson, NotebookCell cell)
    {
        var source = StripLanguageMagics(lesson, cell);
        var tree = CSharpSyntaxTree.ParseText(source, ScriptOptions);
        var root = (CompilationUnitSyntax)tree.GetRoot();

        var error = tree.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error is not null)
        {
            throw Refuse(lesson, cell, $"it does not parse as C# (line {error.Location.GetLineSpan().StartLinePosition.Line + 1}: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}).");
        }

        if (root.Externs.Count > 0 || root.AttributeLists.Count > 0)
        {
            throw Refuse(lesson, cell, "'extern alias' and assembly attributes have no place in a file-based app; move them out of the notebook.");
        }

        if (root.GetLoadDirectives().FirstOrDefault() is { } load)
        {
            throw Refuse(lesson, cell, $"{load.ToString().Trim()}: a file-based app cannot #load a script; put the code in the course library instead.");
        }

        var references = root.GetReferenceDirectives().Select(r => r.File.ValueText).ToList();
        var usings = root.Usings.Select(u => u.WithoutTrivia().ToString()).ToList();

        // The comments before the first token share its leading trivia with the #r directives: keep the comments only.
        var firstToken = root.GetFirstToken(includeZeroWidth: true);
        var preamble = CommentsOnly(firstToken.LeadingTrivia);
        var statements = new StringBuilder();
        var types = new List<string>();

        // A #nullable directive holds from where it stands to the end of the cell. Moving usings and types would leave
        // code on the wrong side of one, so each piece of the app gets again the directives it no longer follows
        // (every piece starts, as the cell does, in the default context: the exporter ends a cell's context after it).
        var nullable = root.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.NullableDirectiveTrivia))
            .Select(t => (Position: t.SpanStart, Text: t.ToString().Trim()))
            .ToList();
        string Replay(int from, int to) =>
            string.Concat(nullable.Where(d => d.Position >= from && d.Position < to).Select(d => d.Text + "\n"));
        var statementsCover = root.Usings.Count > 0 || root.Members.Count == 0 ? firstToken.SpanStart : 0; // the preamble's part

        for (var i = 0; i < root.Members.Count; i++)
        {
            var member = root.Members[i];
            var isFirst = root.Usings.Count == 0 && i == 0;
            var start = isFirst ? 0 : member.FullSpan.Start;
            var isLast = i == root.Members.Count - 1;
            var text = member switch
            {
                GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } trailing } when isLast
                    => DisplayTrailingExpression(trailing),
                GlobalStatementSyntax statement => statement.ToFullString(),
                // A script's top-level variables are fields of the submission; as top-level statements they are locals.
                FieldDeclarationSyntax field => AsLocal(lesson, cell, field),
                // A script's top-level methods are members of the submission; as top-level statements they are local functions.
                MethodDeclarationSyntax method => AsLocalFunction(lesson, cell, method),
                BaseTypeDeclarationSyntax or DelegateDeclarationSyntax => null,
                _ => throw Refuse(lesson, cell, $"a top-level {Describe(member)} has no equivalent in a file-based app's top-level statements; move it into a class."),
            };

            // The comments above the first member travel with it, to the types or the statements.
            if (text is null)
            {
                types.Add(Replay(0, start) + (isFirst ? preamble + member.WithLeadingTrivia().ToFullString() : member.ToFullString()));
            }
            else
            {
                statements.Append(Replay(statementsCover, start));
                statements.Append(isFirst ? preamble + text[member.GetLeadingTrivia().ToFullString().Length..] : text);
                statementsCover = member.FullSpan.End;
            }

            if (isFirst)
            {
                preamble = "";
            }
        }

        statements.Insert(0, preamble);

        if (root.Members.Count > 0 || root.Usings.Count > 0)
        {
            statements.Append(CommentsOnly(root.EndOfFileToken.LeadingTrivia));
        }

        return new ScriptCell(cell.Number, references, usings, statements.ToString().Trim('\n', '\r'), types.Select(t => t.Trim('\n', '\r')).ToList());
    }

    private static string StripLanguageMagics(string lesson, NotebookCell cell)
    {
        var lines = cell.Source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith("#!", StringComparison.Ordinal))
            {
                continue;
            }

            if (!LanguageMagics.Contains(line))
            {
                throw Refuse(lesson, cell, $"the magic command '{line}' needs the notebook kernel; a file-based app has none. Remove it from the cell.");
            }

            lines[i] = "";
        }

        return string.Join('\n', lines);
    }

    private static string CommentsOnly(SyntaxTriviaList trivia)
    {
        var kept = trivia.Where(t => !t.IsKind(SyntaxKind.ReferenceDirectiveTrivia) && !t.IsKind(SyntaxKind.ShebangDirectiveTrivia));
        return string.Concat(kept.Select(t => t.ToFullString())).TrimStart('\n', '\r');
    }

    // The notebook displays the value of a cell's last expression. Handing it to a lambda lets the compiler pick the
    // overload: Show(Action) when the expression has no value, Show<T>(Func<T>) when it has one (C#'s "better
    // conversion" rule prefers the delegate with a return type), so no type analysis is needed here.
    private static string DisplayTrailingExpression(ExpressionStatementSyntax statement)
    {
        var expression = statement.Expression;
        var awaits = expression.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<AwaitExpressionSyntax>().Any();
        var call = awaits
            ? $"await {AppRuntime.ClassName}.ShowAsync(async () => {expression.WithoutTrivia()});"
            : $"{AppRuntime.ClassName}.Show(() => {expression.WithoutTrivia()});";
        return statement.GetLeadingTrivia().ToFullString() + call + expression.GetTrailingTrivia().ToFullString();
    }

    private static string AsLocal(string lesson, NotebookCell cell, FieldDeclarationSyntax field)
    {
        if (field.AttributeLists.Count > 0)
        {
            throw Refuse(lesson, cell, "attributes on a top-level variable have no equivalent on a local variable; remove them.");
        }

        // const stays (local constants exist); static, readonly and access modifiers mean nothing for a local.
        var kept = SyntaxFactory.TokenList(field.Modifiers.Where(m => m.IsKind(SyntaxKind.ConstKeyword)));
        return kept.Count == field.Modifiers.Count
            ? field.ToFullString()
            : field.WithModifiers(kept).WithLeadingTrivia(field.GetLeadingTrivia()).ToFullString();
    }

    private static string AsLocalFunction(string lesson, NotebookCell cell, MethodDeclarationSyntax method)
    {
        if (method.ExplicitInterfaceSpecifier is not null)
        {
            throw Refuse(lesson, cell, $"'{method.Identifier.Text}' implements an interface member; move it into a class.");
        }

        // Local functions may be static, async, unsafe or extern; access and inheritance modifiers mean nothing for them.
        var kept = SyntaxFactory.TokenList(method.Modifiers.Where(m =>
            m.Kind() is SyntaxKind.StaticKeyword or SyntaxKind.AsyncKeyword or SyntaxKind.UnsafeKeyword or SyntaxKind.ExternKeyword));
        return kept.Count == method.Modifiers.Count
            ? method.ToFullString()
            : method.WithModifiers(kept).WithLeadingTrivia(method.GetLeadingTrivia()).ToFullString();
    }

    private static string Describe(MemberDeclarationSyntax member) => member switch
    {
        PropertyDeclarationSyntax p => $"property '{p.Identifier.Text}'",
        EventDeclarationSyntax or EventFieldDeclarationSyntax => "event",
        IndexerDeclarationSyntax => "indexer",
        OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax => "operator",
        ConstructorDeclarationSyntax or DestructorDeclarationSyntax => "constructor or finalizer",
        BaseNamespaceDeclarationSyntax => "namespace",
        _ => member.Kind().ToString(),
    };

    private static LessonExportException Refuse(string lesson, NotebookCell cell, string problem) => new(lesson, cell.Number, problem);
}
