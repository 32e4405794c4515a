using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 15's claims that its key figures' models do not already check: on what the lesson printed, and the
/// .NET behaviour its text states. One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson15LimitsAndErrgroupsClaims
{
    [Fact]
    public async Task Lesson_15_the_group_reports_the_first_error_before_WhenAll_does()
    {
        var run = await CourseRuns.EngineAsync("15");
        Assert.True(NotebookAssert.KeyFigureNumber(run, "the group reported the error after") * 3
            < NotebookAssert.KeyFigureNumber(run, "Task.WhenAll reported the error after"));
    }

    [Fact]
    public async Task Lesson_15_WhenAll_lets_the_healthy_uploads_finish_and_the_group_cancels_them()
    {
        var output = (await CourseRuns.EngineAsync("15")).CellContaining("FailAsync(Func<Task> uploadAll)").StandardOutput;

        Assert.Contains("Task.WhenAll: 1 uploaded, 2 uploaded, 3 failed, 4 uploaded, 5 uploaded", output, StringComparison.Ordinal);
        Assert.Contains("group:        1 cancelled, 2 cancelled, 3 failed, 4 cancelled, 5 cancelled", output, StringComparison.Ordinal);
    }

    // The text: Parallel.ForEachAsync also cancels the token it hands the bodies when one of them throws, and rethrows that exception.
    [Fact]
    public async Task Parallel_ForEachAsync_cancels_the_other_bodies_when_one_throws()
    {
        var (started, cancelled) = (0, 0);
        var othersWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Parallel.ForEachAsync(Enumerable.Range(1, 4), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, token) =>
        {
            if (id == 3)
            {
                await othersWaiting.Task;                  // fail only once the three others are inside their waits
                throw new IOException("disk full");
            }
            if (Interlocked.Increment(ref started) == 3)
                othersWaiting.SetResult();
            try { await Task.Delay(TimeSpan.FromSeconds(10), token); }
            catch (OperationCanceledException) { Interlocked.Increment(ref cancelled); throw; }
        });

        var error = await Assert.ThrowsAsync<IOException>(() => run.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("disk full", error.Message);
        Assert.Equal(3, cancelled);
    }
}
