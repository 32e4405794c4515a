using Tutorial.Notebooks.Export;
using Tutorial.Notebooks.Tests.Infrastructure;
using static Tutorial.Notebooks.Tests.Export.LessonFixture;

namespace Tutorial.Notebooks.Tests.Export;

/// <summary>Exported apps run with <c>dotnet run app.cs</c>, as a learner without a notebook kernel runs them.
/// Each test builds one small app (a few seconds; the first build of the course library and Plotly.NET takes longer).</summary>
public sealed class ExportedAppRunTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);

    private static string CourseLibraryDll =>
        Path.Combine(TestPaths.RepositoryRoot, "lib", "Tutorial.Lab", "bin", "Debug", "net10.0", "Tutorial.Lab.dll");

    [Fact]
    public async Task A_displayed_chart_is_written_to_an_offline_html_file_whose_path_the_app_prints()
    {
        var course = new LessonFixture();
        var app = FileBasedApps.Export(course.Write("01-chart",
            Md("# A chart"),
            Cs($"#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n#r \"{CourseLibraryDll}\"\nusing Tutorial.Lab;"),
            Cs("Console.WriteLine($\"working directory: {Path.GetFileName(Environment.CurrentDirectory)}\");\n" +
               "ConcurrencyCharts.Bars([(\"one\", TimeSpan.FromMilliseconds(10)), (\"two\", TimeSpan.FromMilliseconds(20))], \"Two bars\")"),
            Cs("6 * 7")), course.Apps);

        var result = await ProcessRunner.RunAsync("dotnet", ["run", app], course.Root, RunTimeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("working directory: notebooks", result.Output, StringComparison.Ordinal); // cells run where the notebook is
        var chart = Path.Combine(course.Apps, "charts", "01-chart-chart-1.html");
        Assert.Contains($"📊 chart 1: {chart}", result.Output, StringComparison.Ordinal);
        Assert.Contains("\n42\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var html = File.ReadAllText(chart);
        Assert.Contains("Two bars", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);     // nothing to fetch...
        Assert.True(html.Length > 3_000_000, $"plotly.js is not embedded: the page is {html.Length} characters"); // ...plotly.js is inline
    }

    [Fact]
    public async Task Kernel_code_compiles_without_warnings_although_the_repository_turns_nullable_on()
    {
        // The fixture lies under the repository, whose Directory.Build.props says Nullable=enable (the SDK's default for
        // an app too); lesson code is written for the kernel, where nullable is off and an annotation's CS8632 is never
        // shown. Built as .ci/run builds every lesson.
        var course = new LessonFixture();
        var app = FileBasedApps.Export(course.Write("01-nullable",
            Cs("List<int> Make() => [1, 2];"),
            Cs("var items = Make();\nConsole.WriteLine(items is not null && items.Count == 2);\nConsole.WriteLine(items.Count);"),
            Cs("Exception? firstError = null;\nConsole.WriteLine(firstError is null);")), course.Apps);

        var result = await ProcessRunner.RunAsync("dotnet", ["build", app, "-p:TreatWarningsAsErrors=true"], course.Root, RunTimeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("warning CS", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cell_that_throws_fails_the_app()
    {
        var course = new LessonFixture();
        var app = FileBasedApps.Export(course.Write("01-fails",
            Cs("Console.WriteLine(\"before\");"),
            Cs("throw new InvalidOperationException(\"cell 2 broke\");"),
            Cs("Console.WriteLine(\"not reached\");")), course.Apps);

        var result = await ProcessRunner.RunAsync("dotnet", ["run", app], course.Root, RunTimeout);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("before", result.Output, StringComparison.Ordinal);
        Assert.Contains("cell 2 broke", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not reached", result.Output, StringComparison.Ordinal);
    }
}
