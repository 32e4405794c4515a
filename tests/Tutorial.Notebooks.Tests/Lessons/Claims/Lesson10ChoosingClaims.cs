using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 10's claims that its key figures' models do not already check: the decision table cites the lesson
/// that measures each row under the course's final numbering, and the scheduler the lesson uses to show concurrency
/// without parallelism behaves as the lesson says. One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson10ChoosingClaims
{
    // A row of the decision table (a fragment of its first two columns), the lesson its last column must cite, and a word
    // of that lesson's theme in docs/authoring.md's course map, so a renumbering that moves a theme breaks this test.
    [Theory]
    [InlineData("**fan-out / fan-in**", "07", "fan-out")]
    [InlineData("a **worker pool** sized", "08", "the pool by hand")]
    [InlineData("bounded job channel", "09", "backpressure")]
    [InlineData("Blocking calls", "11", "starves the thread pool")]
    [InlineData("a **pipeline**", "14", "stages that own their output")]
    [InlineData("**errgroup-style**", "15", "first error cancels the rest")]
    [InlineData("\"At most N at a time\"", "15", "at most N at a time")]
    public void Lesson_10_decision_table_cites_the_lesson_that_measures_each_row(string row, string lesson, string theme)
    {
        var notebook = NotebookDocument.Load(CourseRuns.Find("10").Path);
        var table = notebook.Cells.Single(c => c.Kind == CellKind.Markdown && c.Source.Contains("| Your situation |", StringComparison.Ordinal));
        var line = table.Source.Split('\n').Single(l => l.StartsWith('|') && l.Contains(row, StringComparison.Ordinal)).TrimEnd('\r', ' ');
        var map = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "docs", "authoring.md"));

        Assert.EndsWith($"({lesson}) |", line, StringComparison.Ordinal);
        Assert.Contains(map, l => l.StartsWith($"| {lesson} |", StringComparison.Ordinal) && l.Contains(theme, StringComparison.Ordinal));
    }

    // The lesson: "the ExclusiveScheduler ... runs the tasks handed to it one at a time, and an await inside such a task
    // resumes on the same scheduler". Eight tasks that each compute, await and compute again must never overlap.
    [Fact]
    public async Task The_exclusive_scheduler_runs_one_task_at_a_time_and_an_await_resumes_on_it()
    {
        var exclusive = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        int running = 0, most = 0, resumedElsewhere = 0;
        void Compute()
        {
            var now = Interlocked.Increment(ref running);
            lock (exclusive)
                most = Math.Max(most, now);
            Thread.SpinWait(20_000);
            Interlocked.Decrement(ref running);
        }

        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(async () =>
        {
            for (var step = 0; step < 5; step++)
            {
                Compute();
                await Task.Delay(1);
                if (TaskScheduler.Current != exclusive)
                    Interlocked.Increment(ref resumedElsewhere);
            }
        }, CancellationToken.None, TaskCreationOptions.None, exclusive).Unwrap());
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, most);
        Assert.Equal(0, resumedElsewhere);
    }
}
