using System.Text.RegularExpressions;
using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 00's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed partial class Lesson00StartHereClaims
{
    private static string Prose() =>
        string.Join("\n", NotebookDocument.Load(CourseRuns.Find("00").Path).Cells.Where(c => c.Kind == CellKind.Markdown).Select(c => c.Source));

    [Fact]
    public void Lesson_00_credits_the_source_article_by_its_title() =>
        Assert.Contains("*Mastering Go Concurrency: The Two Production Patterns You Need to Know*", Prose(), StringComparison.Ordinal);

    [Fact]
    public void Lesson_00_maps_every_lesson_of_the_course_by_its_final_file_name()
    {
        // The course map in docs/authoring.md is the one list of lessons; lesson 00 links each of them by file name.
        var guide = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "authoring.md"));
        var lessons = GuideRow().Matches(guide).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(16, lessons.Count);
        var prose = Prose();
        foreach (var lesson in lessons)
            Assert.Contains($"]({lesson}.ipynb)", prose, StringComparison.Ordinal);
    }

    [Fact]
    public void Lesson_00_receives_the_way_Go_does_on_a_closed_channel()
    {
        // Go's receive gives the zero value on a closed channel; the BCL's ReadAsync throws there, ReceiveAsync does not.
        var row = Prose().Split('\n').Single(line => line.StartsWith("| `v, ok := <-ch`", StringComparison.Ordinal));
        Assert.Contains("var (v, ok) = await ch.Reader.ReceiveAsync();", row, StringComparison.Ordinal);
        Assert.Contains("ChannelClosedException", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lesson_00_measures_the_timer_clock_and_no_precise_wait_ends_early()
    {
        var run = await CourseRuns.EngineAsync("00");
        var step = NotebookAssert.KeyFigureNumber(run, "timer clock step");
        Assert.InRange(step, 1, 20);
        Assert.Equal(0, NotebookAssert.KeyFigureNumber(run, "PreciseDelay(50) waits that ended early"));
        var early = NotebookAssert.KeyFigureNumber(run, "Task.Delay(50) waits that ended early");
        Assert.InRange(early, 0, 1000);
    }

    [GeneratedRegex(@"^\| \d\d \| `(\d\d-[a-z-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex GuideRow();
}
