using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console.Testing;
using Tutorial.Notebooks.Cli;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Cli;

/// <summary>Whatever a cell does, the runner goes on: each lesson runs in a process of its own, and a lesson whose
/// process exits, crashes or runs out of memory is reported failed with the reason while the others run and the summary,
/// the key figures and the site are written. A runaway cell's output is cut to its head and tail in linear time.</summary>
public sealed class IsolationTests
{
    private static readonly Lazy<Task<(int ExitCode, string Output, string Error, string Out)>> Course = new(RunCourseAsync);

    // One run of the runner over a course of misbehaving lessons (each costs a child process, so they share one run).
    private static async Task<(int, string, string, string)> RunCourseAsync()
    {
        var lessons = TestPaths.NewOutputFolder("isolation");
        TestNotebooks.Write(lessons, "01-exits.ipynb", "Console.WriteLine(\"about to exit\");", "Environment.Exit(3);", "Console.WriteLine(\"never\");");
        TestNotebooks.Write(lessons, "02-throws-on-a-thread.ipynb",
            "new System.Threading.Thread(() => throw new InvalidOperationException(\"boom on a worker thread\")).Start();\nSystem.Threading.Thread.Sleep(10_000);");
        TestNotebooks.Write(lessons, "03-out-of-memory.ipynb",
            "var hog = new List<byte[]>();\nwhile (true) hog.Add(new byte[16 * 1024 * 1024]);");
        // Out of memory on a thread of its own is not caught by the kernel: the process dies, and its stderr says why.
        TestNotebooks.Write(lessons, "04-out-of-memory-on-a-thread.ipynb",
            "var hog = new List<byte[]>();\nnew System.Threading.Thread(() => { while (true) hog.Add(new byte[16 * 1024 * 1024]); }).Start();\nSystem.Threading.Thread.Sleep(30_000);");
        TestNotebooks.Write(lessons, "05-huge-output.ipynb",
            "for (var i = 0; i < 100_000; i++) Console.WriteLine($\"line {i:000000} \" + new string('x', 90));\nConsole.WriteLine(\"📌 lines printed: 100000\");");
        var outFolder = TestPaths.NewOutputFolder("isolation-out");

        var console = new TestConsole();
        console.Profile.Width = 250;
        using var error = new StringWriter();
        int exitCode;
        using (await MachineGate.SharedAsync())
        {
            exitCode = await RunnerCommand.RunAsync(["--notebooks", lessons, "--out", outFolder, "--timeout", "60", "--max-memory", "512"], console, error)
                .WaitAsync(TimeSpan.FromMinutes(5));
        }

        return (exitCode, console.Output, error.ToString(), outFolder);
    }

    [Fact]
    public async Task Environment_Exit_in_a_cell_fails_that_lesson_only()
    {
        var (exitCode, output, _, _) = await Course.Value;

        Assert.Equal(RunnerCommand.LessonsFailed, exitCode);
        Assert.Contains("error: 01-exits, cell 3 failed: the lesson's process exited with code 3 while cell 3 ran, before the lesson finished (does a cell call Environment.Exit?)", output, StringComparison.Ordinal);
        // The progress shows the cell ending too, though the process could not report it.
        Assert.Matches(@"cell  3  \(2/3\)  Environment\.Exit\(3\);  [\d.]+ m?s  FAILED\s+the lesson's process exited with code 3", output);
        Assert.Matches(@"05-huge-output +1 +1 +0 +[\d.]+ +passed", output); // the lesson after the failures still ran
    }

    [Fact]
    public async Task An_exception_on_a_background_thread_fails_that_lesson_with_the_exception()
    {
        var (_, output, _, _) = await Course.Value;

        Assert.Contains("error: 02-throws-on-a-thread, cell 2 failed: the lesson's process crashed while cell 2 ran: System.InvalidOperationException: boom on a worker thread was not caught", output, StringComparison.Ordinal);
        Assert.Matches(@"cell  2  \(1/1\)  new System\.Threading\.Thread.*  [\d.]+ m?s  FAILED\s+the lesson's process crashed", output);
    }

    [Fact]
    public async Task Running_out_of_memory_fails_that_lesson_and_says_so()
    {
        var (_, output, _, _) = await Course.Value;

        Assert.Matches(@"error: 03-out-of-memory, cell 2 failed: .*(OutOfMemoryException|ran out of memory)", output);
        Assert.Contains("error: 04-out-of-memory-on-a-thread, cell 2 failed: the lesson's process ran out of memory while cell 2 ran (its limit is 512 MB; see --max-memory)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_output_is_cut_to_head_and_tail_and_its_key_figure_still_counts()
    {
        var (_, output, _, outFolder) = await Course.Value;

        // Before the cap, output was merged by repeated concatenation: 50,000 lines added about 70 s, 100,000 long ones ran
        // past 140 s. Linear, the whole lesson takes seconds; the bound leaves room for a very busy machine.
        Assert.Matches(@"05-huge-output +1 +1 +0 +[\d.]+ +passed", output);
        var seconds = double.Parse(Regex.Match(output, @"05-huge-output +1 +1 +0 +([\d.]+) +passed").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(seconds < 60, $"printing 100,000 lines took {seconds} s");
        Assert.Contains("lines printed", output, StringComparison.Ordinal);
        var page = File.ReadAllText(Path.Combine(outFolder, "site", "05-huge-output.html"));
        Assert.Contains("line 000000 ", page, StringComparison.Ordinal);
        Assert.Contains("line 099999 ", page, StringComparison.Ordinal);
        Assert.Matches(@"\[… [\d,]+ characters \([\d,]+ lines\) cut here by the runner", page);
        Assert.True(page.Length < 1_000_000, $"the page is {page.Length:N0} characters");
    }

    [Fact]
    public async Task The_summary_key_figures_and_site_are_written_after_the_failures()
    {
        var (_, output, _, outFolder) = await Course.Value;

        Assert.Contains("5 lessons, ", output, StringComparison.Ordinal);
        Assert.Contains("4 lesson(s) failed", output, StringComparison.Ordinal);
        Assert.Contains("lines printed", File.ReadAllText(Path.Combine(outFolder, "key-figures.json")), StringComparison.Ordinal);
        var index = File.ReadAllText(Path.Combine(outFolder, "site", "index.html"));
        Assert.Contains("01-exits", index, StringComparison.Ordinal);
        Assert.Contains("05-huge-output", index, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outFolder, "notebooks", "01-exits.ipynb")));
        Assert.Contains("about to exit", File.ReadAllText(Path.Combine(outFolder, "notebooks", "01-exits.ipynb")), StringComparison.Ordinal);
    }
}
