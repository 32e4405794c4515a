using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tutorial.Notebooks.Export;
using static Tutorial.Notebooks.Tests.Export.LessonFixture;

namespace Tutorial.Notebooks.Tests.Export;

/// <summary>The translation rules from a notebook (C# script submissions) to a .NET 10 file-based app.</summary>
public sealed class FileBasedAppsTests
{
    private readonly LessonFixture _course = new();

    private string Export(params (string Kind, string Source)[] cells) =>
        File.ReadAllText(FileBasedApps.Export(_course.Write("01-demo", cells), _course.Apps));

    private LessonExportException Refused(params (string Kind, string Source)[] cells) =>
        Assert.Throws<LessonExportException>(() => FileBasedApps.Export(_course.Write("01-demo", cells), _course.Apps));

    [Fact]
    public void Code_cells_follow_in_order_and_markdown_becomes_comments()
    {
        var app = Export(
            Md("# Demo\n\nSome *prose*.\n\n```go\ngo work()\n```"),
            Cs("var first = 1;"),
            Raw("raw text the notebook neither runs nor shows"),
            Cs("Console.WriteLine(first + 1);"));

        Assert.StartsWith(FileBasedApps.GeneratedMarker, app, StringComparison.Ordinal);
        Assert.Contains("// # Demo\n//\n// Some *prose*.\n//\n// ```go\n// go work()\n// ```\n", app, StringComparison.Ordinal);
        Assert.True(app.IndexOf("var first = 1;", StringComparison.Ordinal) < app.IndexOf("Console.WriteLine(first + 1);", StringComparison.Ordinal));
        Assert.Contains("// ── cell 2 (code) ──\nvar first = 1;", app, StringComparison.Ordinal);
        Assert.DoesNotContain("raw text", app, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_prose_lines_are_wrapped_but_code_blocks_and_tables_are_not()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("word", 60));
        var code = "var x = \"" + new string('a', 150) + "\";";
        var table = "| a | " + new string('b', 150) + " |";
        var app = Export(Md($"{sentence}\n\n- {sentence}\n\n```csharp\n{code}\n```\n\n{table}"), Cs("var y = 1;"));

        var comments = app.Split('\n').Where(l => l.StartsWith("// ", StringComparison.Ordinal)).ToList();
        Assert.All(comments.Where(l => l.Contains("word", StringComparison.Ordinal)), l => Assert.True(l.Length <= 117, l));
        Assert.Contains("//   word", app, StringComparison.Ordinal); // a list item's continuation hangs under its text
        Assert.Contains("\n// - word word", app, StringComparison.Ordinal); // and its marker keeps its space: still a list item
        Assert.Contains("// " + code, comments);
        Assert.Contains("// " + table, comments);
    }

    [Fact]
    public void Hand_wrapped_prose_is_joined_as_markdown_joins_it_and_code_breaks_and_headings_keep_their_lines()
    {
        var app = Export(
            Md("A paragraph that the author\nwrapped by hand.\n\n- an item\n  continued\n- another\n  - nested\n\n" +
               "    indented code\n    more code\n\nline with a hard break  \nnext line\n\nTitle\n---\n> a quote\n> on two lines"),
            Cs("var x = 1;"));

        Assert.Contains(
            "// A paragraph that the author wrapped by hand.\n//\n// - an item continued\n// - another\n//   - nested\n//\n" +
            "//     indented code\n//     more code\n//\n// line with a hard break\n// next line\n//\n// Title\n// ---\n" +
            "// > a quote\n// > on two lines\n", app, StringComparison.Ordinal);
    }

    [Fact]
    public void Nuget_references_become_package_directives_and_kernel_extensions_are_left_out()
    {
        var app = Export(Cs("#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\""), Cs("var x = 1;"));

        Assert.Contains("\n#:package Plotly.NET@6.0.0\n", app, StringComparison.Ordinal);
        Assert.DoesNotContain("#:package Plotly.NET.Interactive", app, StringComparison.Ordinal);
        Assert.Contains("// #r \"nuget: Plotly.NET.Interactive, 6.0.0\" is left out", app, StringComparison.Ordinal);
        Assert.Contains("\n#:property ManagePackageVersionsCentrally=false\n", app, StringComparison.Ordinal);
        Assert.DoesNotContain("\n#r ", app, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nuget_reference_without_a_version_is_refused()
    {
        var e = Refused(Md("# Demo"), Cs("#r \"nuget: Plotly.NET\""));

        Assert.Equal(2, e.Cell);
        Assert.StartsWith("01-demo.ipynb, cell 2: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("does not pin a version", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_build_output_becomes_a_project_directive_relative_to_the_app()
    {
        var app = Export(Cs("// setup\n#r \"../lib/Demo/bin/Debug/net10.0/Demo.dll\"\nusing System.Threading.Channels;"), Cs("var x = 1;"));

        Assert.Contains("\n#:project ../../lib/Demo/Demo.csproj\n", app, StringComparison.Ordinal);
        Assert.Contains("// ── cell 1 (code) ──\n// setup\n", app, StringComparison.Ordinal); // the comment stays, the #r goes
        Assert.Contains("NotebookApp.Start(notebookFolder: \"../../notebooks\", name: \"01-demo\");", app, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dll_that_no_project_builds_is_refused()
    {
        var e = Refused(Cs("var x = 1;"), Cs("#r \"../tools/Some.dll\""));

        Assert.Equal(2, e.Cell);
        Assert.Contains("#r \"../tools/Some.dll\" is not the build output", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Using_directives_move_to_the_top_once_with_the_kernels_default_namespaces()
    {
        var app = Export(
            Cs("using System.Diagnostics;\nvar watch = Stopwatch.StartNew();"),
            Cs("using System.Diagnostics;\nusing System.Collections.Concurrent;\nvar bag = new ConcurrentBag<int>();"));

        var start = app.IndexOf("NotebookApp.Start(", StringComparison.Ordinal);
        var usings = app[..start].Split('\n').Where(l => l.StartsWith("using ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["using System.Collections;", "using System.Text;", "using System.Diagnostics;", "using System.Collections.Concurrent;"], usings);
        Assert.DoesNotContain("using ", app[start..app.IndexOf("static class NotebookApp", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void A_trailing_expression_is_displayed_and_a_statement_is_not()
    {
        var app = Export(
            Cs("var numbers = new[] { 1, 2, 3 };\nnumbers.Sum()"),
            Cs("Console.WriteLine(numbers.Length);"),
            Cs("// a comment before\nawait Task.FromResult(numbers.Max()) // and after"));

        Assert.Contains("\nNotebookApp.Show(() => numbers.Sum());\n", app, StringComparison.Ordinal);
        Assert.Contains("\nConsole.WriteLine(numbers.Length);\n", app, StringComparison.Ordinal);
        Assert.Contains("// a comment before\nawait NotebookApp.ShowAsync(async () => await Task.FromResult(numbers.Max())); // and after\n", app, StringComparison.Ordinal);
    }

    [Fact]
    public void An_await_inside_a_lambda_does_not_make_the_trailing_expression_awaited()
    {
        var app = Export(Cs("Task.Run(async () => await Task.Delay(1))"));

        Assert.Contains("\nNotebookApp.Show(() => Task.Run(async () => await Task.Delay(1)));\n", app, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_declarations_move_after_the_last_statement()
    {
        var app = Export(
            Cs("record Point(int X, int Y);\nvar p = new Point(1, 2);"),
            Cs("// the kinds of shape\nenum Shape { Circle, Square }\nConsole.WriteLine(p);"),
            Cs("Console.WriteLine(Shape.Circle);"));

        var lastStatement = app.IndexOf("Console.WriteLine(Shape.Circle);", StringComparison.Ordinal);
        Assert.True(app.IndexOf("record Point(int X, int Y);", StringComparison.Ordinal) > lastStatement);
        Assert.True(app.IndexOf("// the kinds of shape\nenum Shape { Circle, Square }", StringComparison.Ordinal) > lastStatement);
        Assert.Contains("// (cell 1)\nrecord Point", app, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_methods_and_fields_become_local_functions_and_locals()
    {
        var app = Export(Cs("public static int Twice(int x) => 2 * x;\nprivate static readonly int Limit = 3;\nconst int Max = 4;\nasync Task PauseAsync() => await Task.Delay(1);"));

        Assert.Contains("\nstatic int Twice(int x) => 2 * x;\n", app, StringComparison.Ordinal);
        Assert.Contains("\nint Limit = 3;\n", app, StringComparison.Ordinal);
        Assert.Contains("\nconst int Max = 4;\n", app, StringComparison.Ordinal);
        Assert.Contains("\nasync Task PauseAsync() => await Task.Delay(1);\n", app, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_declared_again_in_a_later_cell_is_refused_naming_both_cells()
    {
        var e = Refused(Md("# Demo"), Cs("var results = new List<int>();"), Md("More."), Cs("var results = \"again\";"));

        Assert.Equal(4, e.Cell);
        Assert.StartsWith("01-demo.ipynb, cell 4: cells 2 and 4 both declare 'results'.", e.Message, StringComparison.Ordinal);
        Assert.Contains("CS0128", e.Message, StringComparison.Ordinal);
        Assert.Contains("Rename one of them in the notebook", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_top_level_name_reused_inside_an_earlier_cells_block_is_refused()
    {
        // Fine in a notebook (each cell is its own scope); one scope in an app: CS0136.
        var e = Refused(Cs("foreach (var item in new[] { 1 })\n    Console.WriteLine(item);"), Cs("var item = 2;"));

        Assert.Contains("cells 1 and 2 both declare 'item'", e.Message, StringComparison.Ordinal);
        Assert.Contains("CS0136", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_overloaded_across_cells_is_refused()
    {
        var e = Refused(Cs("int Area(int side) => side * side;"), Cs("int Area(int w, int h) => w * h;"));

        Assert.Contains("cells 1 and 2 both declare 'Area'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_a_lambda_or_local_function_reuses_are_allowed_as_in_csharp()
    {
        var app = Export(Cs("var clock = 1;"), Cs("int Later() { var clock = 2; return clock; }\nFunc<int, int> f = clock => clock + 1;"));

        Assert.Contains("var clock = 2;", app, StringComparison.Ordinal);
    }

    [Fact]
    public void Magic_commands_other_than_the_language_choice_are_refused()
    {
        Assert.Contains("var x = 1;", Export(Cs("#!csharp\nvar x = 1;")), StringComparison.Ordinal);

        var e = Refused(Cs("#!time\nvar x = 1;"));
        Assert.Equal(1, e.Cell);
        Assert.Contains("'#!time' needs the notebook kernel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_of_another_language_is_refused()
    {
        var e = Refused(Cs("var x = 1;"), Code("fsharp", "let x = 1"));

        Assert.Equal(2, e.Cell);
        Assert.Contains("'fsharp' cell", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_that_does_not_parse_is_refused_with_the_line()
    {
        var e = Refused(Cs("var ok = 1;"), Cs("var x = 1;\nvar y = (2;"));

        Assert.Equal(2, e.Cell);
        Assert.Contains("does not parse as C# (line 2:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_top_level_property_is_refused()
    {
        var e = Refused(Cs("int Count { get; set; }"));

        Assert.Contains("top-level property 'Count'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_app_compiles_with_display_chosen_by_the_compiler()
    {
        var app = Export(
            Cs("using System.Text;\nvar builder = new StringBuilder(\"x\");\nbuilder.Append('y')"),
            Cs("Console.WriteLine(builder)"),
            Cs("await Task.Delay(1)"),
            Cs("await Task.FromResult(Describe(Kind.Big))"),
            Cs("string Describe(Kind kind) => kind.ToString();\nenum Kind { Small, Big }\nnew[] { 1, 2 }.Display();"));

        var (diagnostics, code) = CompileAsTheSdkDoes(app);

        var problems = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems) + "\n" + code);
    }

    [Fact]
    public void Cells_compile_without_null_state_warnings_as_in_the_kernel_and_a_cells_own_nullable_ends_with_the_cell()
    {
        // Lesson code written for the kernel (nullable off): a defensive null test on a value the compiler would call
        // non-null makes it "maybe null" afterwards, so with nullable on the last line warns (CS8602), as lesson 08's check
        // did; and an annotation, as lesson 12 has one, warns with annotations off (CS8632).
        var app = Export(
            Cs("List<int> Make() => [1, 2];"),
            Cs("var items = Make();\nConsole.WriteLine(items is not null && items.Count == 2);\nConsole.WriteLine(items.Count);"),
            Cs("Exception? firstError = null;\nConsole.WriteLine(firstError is null);"),
            Cs("#nullable enable\nstring? maybe = null;\nConsole.WriteLine(maybe?.Length ?? 0);\nrecord Named(string? Name);"),
            // Fine with nullable off (CS8600 with it on): cell 4's #nullable enable must not reach this cell.
            Cs("string plain = null;\nConsole.WriteLine(plain ?? \"none\");"));

        Assert.Contains("\n#:property Nullable=annotations\n", app, StringComparison.Ordinal);
        Assert.Contains("Console.WriteLine(maybe?.Length ?? 0);\n#nullable restore\n", app, StringComparison.Ordinal);
        // The record moves after the statements, away from the directive above it: it gets the directive again.
        Assert.Contains("// (cell 4)\n#nullable enable\nrecord Named(string? Name);\n#nullable restore\n", app, StringComparison.Ordinal);
        Assert.Equal(2, app.Split('\n').Count(l => l == "#nullable restore")); // cell 4's statements and its record
        Assert.True(app.IndexOf("#nullable enable\n/// <summary>What the notebook kernel did", StringComparison.Ordinal) > app.IndexOf("record Named", StringComparison.Ordinal),
            "the support class, written with annotations, is compiled with nullable on, after every cell");

        var (diagnostics, code) = CompileAsTheSdkDoes(app);
        var problems = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems) + "\n" + code);

        // The same code with nullable on, or off, is what produced the warnings: the check above can fail.
        var (enabled, _) = CompileAsTheSdkDoes(app, NullableContextOptions.Enable);
        Assert.Contains(enabled, d => d.Id == "CS8602");
        Assert.DoesNotContain(enabled, d => d.Severity == DiagnosticSeverity.Error);
        var (disabled, _) = CompileAsTheSdkDoes(app, NullableContextOptions.Disable);
        Assert.Contains(disabled, d => d.Id == "CS8632");
    }

    // The #: directives are for the SDK; the compiler sees the rest, as `dotnet run` compiles it, with the nullable
    // context the app's #:property Nullable asks for (or the one given).
    private static (IReadOnlyList<Diagnostic> Diagnostics, string Code) CompileAsTheSdkDoes(string app, NullableContextOptions? nullable = null)
    {
        var lines = app.Split('\n');
        nullable ??= lines.Contains("#:property Nullable=annotations") ? NullableContextOptions.Annotations : NullableContextOptions.Enable;
        var code = string.Join('\n', lines.Select(l => l.StartsWith("#:", StringComparison.Ordinal) ? "" : l));
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var usingsForImplicit = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;";
        var compilation = CSharpCompilation.Create("app",
            [CSharpSyntaxTree.ParseText(code, parse), CSharpSyntaxTree.ParseText(usingsForImplicit, parse)],
            Directory.GetFiles(framework, "System*.dll").Where(p => !p.Contains("Native", StringComparison.Ordinal))
                .Append(Path.Combine(framework, "netstandard.dll"))
                .Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: nullable.Value));
        return (compilation.GetDiagnostics(), code);
    }
}
