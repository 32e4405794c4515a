using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons;

/// <summary>
/// Each lesson's key claims, asserted on what the lesson itself measured and printed (its <c>📌</c> key figures), so
/// the text and the numbers cannot drift apart. Bounds are honest for a noisy 2-core machine: they separate the models
/// being taught (e.g. 150 ms against 50 ms), not milliseconds.
/// </summary>
public sealed class LessonClaimsTests
{
    [Fact]
    public async Task Lesson_00_measures_a_precise_wait_against_Task_Delay()
    {
        var run = await CourseRuns.EngineAsync("00");
        var precise = NotebookAssert.KeyFigureNumber(run, "PreciseDelay 50 ms median");
        Assert.InRange(precise, 50, 55);
    }

    [Fact]
    public async Task Lesson_01_sequential_is_the_sum_and_concurrent_is_the_longest_job()
    {
        var run = await CourseRuns.EngineAsync("01");
        Assert.True(NotebookAssert.KeyFigureNumber(run, "sequential, 3 x 50 ms") >= 140);
        Assert.True(NotebookAssert.KeyFigureNumber(run, "concurrent, 3 x 50 ms") < 80);
    }

    [Fact]
    public async Task Lesson_02_shows_work_lost_without_waiting_and_kept_with_it()
    {
        var run = await CourseRuns.EngineAsync("02");
        Assert.Equal(0, NotebookAssert.KeyFigureNumber(run, "results when main returned without waiting"));
        Assert.Equal(3, NotebookAssert.KeyFigureNumber(run, "results when main returned after waiting"));
    }

    [Fact]
    public async Task Lesson_03_missing_finally_hangs_until_the_timeout()
    {
        var run = await CourseRuns.EngineAsync("03");
        Assert.True(NotebookAssert.KeyFigureNumber(run, "wait without finally, gave up after") >= 900);
        Assert.Contains("sync: negative WaitGroup counter", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lesson_04_unbuffered_sender_waits_for_the_receiver_and_a_big_buffer_does_not()
    {
        var run = await CourseRuns.EngineAsync("04");
        var unbuffered = NotebookAssert.KeyFigureNumber(run, "sender finished, unbuffered");
        var buffered = NotebookAssert.KeyFigureNumber(run, "sender finished, capacity 5");
        Assert.True(unbuffered >= 150, $"the unbuffered sender finished after {unbuffered} ms; it should wait for ~4 receives of 50 ms");
        Assert.True(buffered < 40, $"the sender with room for every value finished after {buffered} ms; it should not wait");
    }

    [Fact]
    public async Task Lesson_05_deadlock_demo_ends_with_the_Go_style_diagnosis()
    {
        var run = await CourseRuns.EngineAsync("05");
        Assert.Contains("fatal error: all goroutines are asleep - deadlock!", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[chan receive]", run.StandardOutput, StringComparison.Ordinal);
        Assert.True(NotebookAssert.KeyFigureNumber(run, "deadlock diagnosed after") < 1000);
    }

    [Fact]
    public async Task Lesson_06_five_concurrent_jobs_take_about_one_job()
    {
        var run = await CourseRuns.EngineAsync("06");
        Assert.True(NotebookAssert.KeyFigureNumber(run, "fan-out 5 x 50 ms") < 80);
    }

    [Fact]
    public async Task Lesson_07_twenty_jobs_on_five_workers_take_about_four_waves()
    {
        var run = await CourseRuns.EngineAsync("07");
        Assert.InRange(NotebookAssert.KeyFigureNumber(run, "pool 20 jobs / 5 workers"), 195, 260);
    }

    [Fact]
    public async Task Lesson_08_blocking_jobs_starve_the_pool_and_async_ones_do_not()
    {
        var run = await CourseRuns.EngineAsync("08");
        var blocking = NotebookAssert.KeyFigureNumber(run, "100 blocking 50 ms jobs via fan-out");
        var async = NotebookAssert.KeyFigureNumber(run, "100 async 50 ms jobs via fan-out");
        Assert.True(async < 80, $"100 async waits of 50 ms took {async} ms");
        Assert.True(blocking > 150, $"100 blocking 50 ms jobs took {blocking} ms: the pool did not starve, so the lesson's text would be wrong");
    }

    [Fact]
    public async Task Lesson_09_first_error_cancellation_reports_before_WhenAll()
    {
        var run = await CourseRuns.EngineAsync("09");
        Assert.True(NotebookAssert.KeyFigureNumber(run, "errgroup-style group reported the error after")
            < NotebookAssert.KeyFigureNumber(run, "Task.WhenAll reported the error after"));
    }

    public static TheoryData<string> LessonsWithCharts() =>
        new(CourseRuns.Lessons.Where(l => File.ReadAllText(l.Path).Contains("ConcurrencyCharts.", StringComparison.Ordinal)).Select(l => l.Id));

    [Theory]
    [MemberData(nameof(LessonsWithCharts))]
    public async Task Lesson_that_draws_charts_displays_them(string lesson)
    {
        var run = await CourseRuns.EngineAsync(lesson);
        Assert.Contains(run.Cells.SelectMany(c => c.Outputs), o => o.IsChart);
    }
}
