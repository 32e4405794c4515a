using System.Text.Json.Nodes;
using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons;

/// <summary>The shape every lesson shares: Polyglot metadata, no committed outputs, the same setup cells, a title,
/// and a link onward. Cheap checks that keep ten hand-written notebooks consistent.</summary>
public sealed class LessonFormatTests
{
    public static TheoryData<string> Lessons() => new(CourseRuns.Lessons.Select(l => l.Id));

    // While lessons are being split and renumbered the numbers may have gaps; they must start at 00 and rise.
    [Fact]
    public void The_lessons_start_at_00_and_are_numbered_in_order() =>
        Assert.Equal(CourseRuns.Lessons.Select(l => l.Number).Order(StringComparer.Ordinal).Distinct().Prepend("00").Distinct(), CourseRuns.Lessons.Select(l => l.Number));

    // The README's first command builds only what the runner's project references, so every library a lesson loads with #r
    // must be among them, directly or through another project. (The deadlock detector, once split into an assembly of its
    // own, was not: on a fresh clone lesson 06 failed with CS0006 while every test passed after a full solution build.)
    [Theory]
    [MemberData(nameof(Lessons))]
    public void Every_library_a_lesson_loads_is_built_by_the_README_s_first_command(string lesson)
    {
        var notebook = NotebookDocument.Load(CourseRuns.Find(lesson).Path);
        var loaded = notebook.Cells.Where(c => c.Kind == CellKind.Code)
            .SelectMany(c => System.Text.RegularExpressions.Regex.Matches(c.Source, @"#r ""\.\./lib/([^/""]+)/bin/").Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        var built = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(["Tutorial.Notebooks"]);
        while (pending.TryPop(out var project))
        {
            var csproj = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "lib", project, project + ".csproj"));
            foreach (var reference in System.Text.RegularExpressions.Regex.Matches(csproj, @"ProjectReference Include=""\.\.\\([^\\""]+)\\").Select(m => m.Groups[1].Value))
                if (built.Add(reference))
                    pending.Push(reference);
        }

        Assert.All(loaded, library => Assert.True(built.Contains(library),
            $"{lesson} loads {library}, which `dotnet run --project lib/Tutorial.Notebooks` does not build: add a ProjectReference to lib/Tutorial.Notebooks/Tutorial.Notebooks.csproj"));
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Lesson_is_a_Polyglot_CSharp_notebook_committed_without_outputs(string lesson)
    {
        var json = JsonNode.Parse(File.ReadAllText(CourseRuns.Find(lesson).Path))!;

        Assert.Equal(".net-csharp", (string?)json["metadata"]?["kernelspec"]?["name"]);
        Assert.Equal("csharp", (string?)json["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);
        foreach (var cell in json["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code"))
        {
            Assert.Equal("csharp", (string?)cell!["metadata"]?["polyglot_notebook"]?["kernelName"]);
            Assert.Empty(cell["outputs"]!.AsArray());
        }
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Lesson_starts_with_a_title_and_the_shared_setup_cells(string lesson)
    {
        var notebook = NotebookDocument.Load(CourseRuns.Find(lesson).Path);
        var reference = NotebookDocument.Load(CourseRuns.Find("00").Path);

        Assert.Equal(CellKind.Markdown, notebook.Cells[0].Kind);
        Assert.StartsWith("# ", notebook.Cells[0].Source, StringComparison.Ordinal);
        var setup = notebook.Cells.Where(c => c.Kind == CellKind.Code).Take(2).Select(c => c.Source);
        var expected = reference.Cells.Where(c => c.Kind == CellKind.Code).Take(2).Select(c => c.Source);
        Assert.Equal(expected, setup);
    }

    /// <summary>The most a lesson may ask of a learner, reading, predicting, running and the exercise included.</summary>
    public const double MaxMinutes = 20;

    /// <summary>
    /// A learner's time for a lesson, estimated from its cells: prose at 200 words a minute, code at 20 non-blank lines a
    /// minute (read, predicted, run), 0.3 minutes per code cell for running it and reading its output, and 4 minutes for
    /// an exercise. Calibrated on the course before it was split: its longest lessons came out at 25-35 minutes, which is
    /// how long they took to work through.
    /// </summary>
    public static double EstimatedMinutes(NotebookDocument notebook)
    {
        var words = notebook.Cells.Where(c => c.Kind == CellKind.Markdown).Sum(c => c.Source.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        var code = notebook.Cells.Where(c => c.Kind == CellKind.Code).Skip(2).ToList(); // the two setup cells are the same everywhere
        var lines = code.Sum(c => c.Source.Split('\n').Count(line => line.Trim().Length > 0));
        var exercise = code.Any(c => c.Source.StartsWith(Exercises.MarkerPrefix, StringComparison.Ordinal)) ? 4 : 0;
        return words / 200.0 + lines / 20.0 + code.Count * 0.3 + exercise;
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Lesson_takes_at_most_20_minutes_and_says_how_long(string lesson)
    {
        var notebook = NotebookDocument.Load(CourseRuns.Find(lesson).Path);
        var stated = System.Text.RegularExpressions.Regex.Match(notebook.Cells[0].Source, @"\*\*Time:\*\* about (\d+) minutes");

        Assert.True(stated.Success, $"{lesson}: the first cell must say '**Time:** about N minutes'");
        var minutes = int.Parse(stated.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(minutes <= MaxMinutes, $"{lesson} says it takes {minutes} minutes; a lesson takes at most {MaxMinutes}");
        var estimated = EstimatedMinutes(notebook);
        Assert.True(estimated <= MaxMinutes,
            $"{lesson} is estimated at {estimated:F1} minutes (prose, code, cells, exercise), over {MaxMinutes}: split it or trim it");
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Lesson_ends_with_a_link_to_the_next_lesson(string lesson)
    {
        var all = CourseRuns.Lessons;
        var index = all.ToList().FindIndex(l => l.Id == lesson);
        var next = index + 1 < all.Count ? all[index + 1].Id : all[0].Id;
        var last = NotebookDocument.Load(all[index].Path).Cells.Last(c => c.Kind == CellKind.Markdown);

        Assert.Contains($"]({next}.ipynb)", last.Source, StringComparison.Ordinal);
    }
}
