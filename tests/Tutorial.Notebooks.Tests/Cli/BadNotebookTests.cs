using Spectre.Console.Testing;
using Tutorial.Notebooks.Cli;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Cli;

/// <summary>A lessons folder with broken, foreign and oddly named notebooks: each broken or non-C# one gets one error line
/// before any lesson runs, the others still run, names with spaces and letters outside ASCII are lessons like any other,
/// and an .ipynb file that is not named like a lesson is skipped with a note.</summary>
public sealed class BadNotebookTests
{
    private static readonly Lazy<Task<(int ExitCode, string Output, string Error, List<string> OutputAtErrors, string Lessons, string Out)>> Course = new(RunAsync);

    private static readonly (string File, string Json, string Problem)[] Broken =
    [
        ("01-numeric-cell-type.ipynb", Notebook("""{"cell_type": 1, "metadata": {}, "source": "1"}"""), "not a valid notebook: cell 1 has no valid \"cell_type\" (found the number 1; expected \"code\", \"markdown\" or \"raw\")"),
        ("02-nbformat-4-5.ipynb", Notebook("""{"cell_type": "code", "metadata": {}, "outputs": [], "source": "1"}""").Replace("\"nbformat\": 4,", "\"nbformat\": 4.5,", StringComparison.Ordinal), "not a valid notebook: \"nbformat\" must be the integer 4 (found the number 4.5)"),
        ("03-null-cell.ipynb", Notebook("null"), "not a valid notebook: cell 1 must be an object (found null)"),
        ("04-source-42.ipynb", Notebook("""{"cell_type": "code", "metadata": {}, "outputs": [], "source": 42}"""), "not a valid notebook: cell 1's \"source\" must be a string or a list of strings (found the number 42)"),
        ("05-python.ipynb", """{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": "print(1)"}], "metadata": {"kernelspec": {"name": "python3", "language": "python"}, "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}""", "not a C# notebook: its kernelspec.language is 'python' (kernelspec 'python3'); the runner runs C# notebooks only"),
        ("06-fsharp-cell.ipynb", TestNotebooks.Notebook([TestNotebooks.Code("let x = 1", "fsharp")]).ToJsonString(), "not a C# notebook: cell 1 is F# (kernel 'fsharp'); the runner runs C# cells only"),
        ("07-fsharp-magic.ipynb", TestNotebooks.Notebook([TestNotebooks.Code("#!fsharp\nlet x = 1")]).ToJsonString(), "not a C# notebook: cell 1 switches to F# with '#!fsharp'; the runner runs C# cells only"),
        ("08-not-json.ipynb", "{ \"cells\": [", "not a valid notebook: the file is not valid JSON"),
    ];

    private static string Notebook(string cell) => $$"""{"cells": [{{cell}}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""";

    private static async Task<(int, string, string, List<string>, string, string)> RunAsync()
    {
        var lessons = TestPaths.NewOutputFolder("bad-notebooks");
        foreach (var (file, json, _) in Broken)
        {
            TestNotebooks.WriteJson(lessons, file, json);
        }

        TestNotebooks.Write(lessons, "09-génération rapide.ipynb", "Console.WriteLine(\"📌 accents and spaces: ok\");");
        TestNotebooks.Write(lessons, "scratch.ipynb", "Console.WriteLine(\"not a lesson\");");
        var outFolder = TestPaths.NewOutputFolder("bad-notebooks-out");

        var console = new TestConsole();
        console.Profile.Width = 250;
        var outputAtErrors = new List<string>();
        using var error = new CallbackWriter(() => outputAtErrors.Add(console.Output));
        int exitCode;
        using (await MachineGate.SharedAsync())
        {
            exitCode = await RunnerCommand.RunAsync(["--notebooks", lessons, "--out", outFolder], console, error).WaitAsync(TimeSpan.FromMinutes(5));
        }

        return (exitCode, console.Output, error.ToString(), outputAtErrors, lessons, outFolder);
    }

    public static TheoryData<string> BrokenFiles() => new(Broken.Select(b => b.File));

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task A_broken_or_foreign_notebook_gets_one_line_before_any_lesson_runs(string file)
    {
        var (exitCode, _, error, outputAtErrors, lessons, _) = await Course.Value;
        var problem = Broken.Single(b => b.File == file).Problem;

        Assert.Equal(RunnerCommand.LessonsFailed, exitCode);
        var lines = error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines, l => l.Contains(file, StringComparison.Ordinal));
        Assert.StartsWith($"error: {Path.Combine(lessons, file)}: {problem}", line, StringComparison.Ordinal);
        Assert.All(outputAtErrors, o => Assert.DoesNotContain("[1/", o, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_valid_lessons_still_run_including_names_with_accents_and_spaces()
    {
        var (_, output, error, _, _, outFolder) = await Course.Value;

        Assert.Equal(Broken.Length, error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("[1/1] 09-génération rapide", output, StringComparison.Ordinal);
        Assert.Matches(@"09-génération rapide +1 +1 +0 +[\d.]+ +passed", output);
        Assert.Matches(@"01-numeric-cell-type +- +- +- +- +not run: invalid notebook", output);
        Assert.Contains("9 lessons, 1 cells: 8 lesson(s) failed", output, StringComparison.Ordinal);
        var index = File.ReadAllText(Path.Combine(outFolder, "site", "index.html"));
        Assert.Contains("<a href=\"09-g%C3%A9n%C3%A9ration%20rapide.html\">", index, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outFolder, "site", "09-génération rapide.html")));
        Assert.True(File.Exists(Path.Combine(outFolder, "notebooks", "09-génération rapide.ipynb")));
    }

    [Fact]
    public async Task An_ipynb_file_not_named_like_a_lesson_is_skipped_with_a_note()
    {
        var (_, output, _, _, _, _) = await Course.Value;

        Assert.Contains("note: skipped scratch.ipynb: not a lesson (a lesson's file name is NN-name.ipynb)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not a lesson\"", output, StringComparison.Ordinal);
    }

    private sealed class CallbackWriter(Action onLine) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            onLine();
            base.WriteLine(value);
        }
    }
}
