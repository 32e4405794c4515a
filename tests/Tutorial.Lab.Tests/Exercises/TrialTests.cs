
using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Exercises;

public class TrialTests
{
    private static Trial NewTrial() => new(1, 1, new TrialHistory());

    private static ExerciseHintException Hint(Action action) => Assert.Throws<ExerciseHintException>(action);

    // Polls a condition another task makes true; the deadline is a safety net, not a synchronisation.
    private static async Task Until(Func<bool> condition)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(started.Elapsed < Safety.Timeout, "the condition never became true");
            await Task.Delay(1);
        }
    }

    [Fact]
    public async Task Jobs_return_their_result_and_count_how_many_ran_at_once()
    {
        var jobs = NewTrial().Jobs(4, id => $"image{id}.png");

        var values = await Task.WhenAll(jobs.Ids.Select(jobs.RunAsync)).Within();

        Assert.Equal([1, 2, 3, 4], jobs.Ids);
        Assert.Equal(["image1.png", "image2.png", "image3.png", "image4.png"], values);
        Assert.InRange(jobs.PeakConcurrency, 1, 4);
        jobs.ExpectEachExactlyOnce([4, 3, 2, 1]);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => jobs.RunAsync(5)).Within();
    }

    [Fact]
    public async Task A_job_the_check_makes_fail_throws_and_a_cancelled_job_stops()
    {
        var jobs = NewTrial().Jobs(2, id => id, duration: TimeSpan.FromSeconds(30), fails: id => id == 1);
        using var cancel = new CancellationTokenSource();

        var second = jobs.RunAsync(2, cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second).Within();
        var quick = NewTrial().Jobs(1, id => id, fails: _ => true);
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => quick.RunAsync(1)).Within();
        Assert.Equal("job 1 failed (the check makes it fail on purpose)", failed.Message);
    }

    [Fact]
    public async Task ExpectEachExactlyOnce_names_the_first_lost_or_duplicated_job()
    {
        var jobs = NewTrial().Jobs(5, id => id, duration: TimeSpan.Zero);
        await jobs.RunAsync(1).Within();
        await jobs.RunAsync(2).Within();
        await jobs.RunAsync(2).Within();
        await jobs.RunAsync(3).Within();

        Assert.Equal("job 2 was processed twice: more than one worker took it.", Hint(() => jobs.ExpectEachExactlyOnce([1, 2, 3, 4, 5])).Message);
        Assert.Equal("a result for job 9 came back, but there is no job 9 (the jobs are 1 to 5).", Hint(() => jobs.ExpectEachExactlyOnce([9])).Message);

        var fresh = NewTrial().Jobs(3, id => id, duration: TimeSpan.Zero);
        await fresh.RunAsync(1).Within();
        await fresh.RunAsync(2).Within();
        Assert.Equal("job 2 was processed, but its result never came back.", Hint(() => fresh.ExpectEachExactlyOnce([1, 3])).Message);
        Assert.Equal("job 3 was never processed: no worker took it.", Hint(() => fresh.ExpectEachExactlyOnce([1, 2])).Message);
        await fresh.RunAsync(3).Within();
        Assert.Equal("job 1's result came back 3 times.", Hint(() => fresh.ExpectEachExactlyOnce([1, 1, 1, 2, 3])).Message);
        Assert.Equal("job 3 was processed, but its result never came back.", Hint(() => fresh.ExpectEachExactlyOnce([1, 2])).Message);
    }

    [Fact]
    public async Task ExpectRate_catches_calls_closer_than_the_period_allows()
    {
        var jobs = NewTrial().Jobs(3, id => id, duration: TimeSpan.Zero);
        await Task.WhenAll(jobs.Ids.Select(jobs.RunAsync)).Within();

        var hint = Hint(() => jobs.ExpectRate(2, TimeSpan.FromSeconds(10)));
        Assert.Matches(@"^3 jobs started within \d+\.\d ms \(jobs [123], [123], [123]\), but at most 2 may start per 10000 ms\.$", hint.Message);
        jobs.ExpectRate(3, TimeSpan.FromSeconds(10));

        var paced = NewTrial().Jobs(3, id => id, duration: TimeSpan.Zero);
        foreach (var id in paced.Ids)
        {
            await paced.RunAsync(id).Within();
            await Task.Delay(25);
        }
        paced.ExpectRate(1, TimeSpan.FromMilliseconds(20)); // 25 ms apart (and more): never 2 within 20 ms minus 2 ms of slack
    }

    [Fact]
    public async Task ExpectRate_points_a_limit_that_allows_no_timer_step_at_a_stopwatch_not_at_a_ticker()
    {
        var jobs = NewTrial().Jobs(2, id => id, duration: TimeSpan.Zero);
        await Task.WhenAll(jobs.Ids.Select(jobs.RunAsync)).Within();

        Assert.Equal(Ideas.Rate, Hint(() => jobs.ExpectRate(1, TimeSpan.FromSeconds(10))).Idea);
        Assert.Equal(Ideas.RateNeverEarly, Hint(() => jobs.ExpectRate(1, TimeSpan.FromSeconds(10), slack: TimeSpan.FromMilliseconds(0.5))).Idea);
    }

    [Fact]
    public void ExpectEachExactlyOnce_of_items_names_what_is_missing_doubled_or_foreign()
    {
        var trial = NewTrial();

        trial.ExpectEachExactlyOnce(["a1", "b1"], ["b1", "a1"]);
        Assert.Equal("b1 was sent but never arrived.", Hint(() => trial.ExpectEachExactlyOnce(["a1", "b1"], ["a1"])).Message);
        Assert.Equal("a1 arrived 2 times.", Hint(() => trial.ExpectEachExactlyOnce(["a1", "b1"], ["a1", "b1", "a1"])).Message);
        Assert.Equal("c9 arrived, but nobody sent it.", Hint(() => trial.ExpectEachExactlyOnce(["a1"], ["a1", "c9"])).Message);
    }

    [Fact]
    public async Task Sources_and_sinks_pause_but_never_drop_or_reorder()
    {
        var trial = NewTrial();
        var source = trial.Source("numbers", Enumerable.Range(1, 200));
        var sink = trial.Sink<int>("copies", capacity: 1);

        await foreach (var n in source.ReadAllAsync().WithCancellation(CancellationToken.None))
            await sink.Writer.WriteAsync(n);
        sink.Writer.Complete();

        Assert.Equal(Enumerable.Range(1, 200), await sink.Received.Within());
        Assert.Equal(200, sink.Count);
        Assert.True(source.Completion.IsCompleted);
        trial.ExpectInFlightAtMost(1);
        await trial.FinishAsync().Within();
    }

    [Fact]
    public async Task A_stuck_run_says_which_channel_operation_is_waiting_and_since_when()
    {
        var trial = NewTrial();
        var sink = trial.Sink<int>("results", take: 1); // a consumer that quits after one item

        await sink.Writer.WriteAsync(1).AsTask().Within();
        Assert.Equal([1], await sink.Received.Within());
        var stuck = sink.Writer.WriteAsync(2).AsTask(); // nobody reads any more
        await Until(() => trial.DescribeStuck().StartsWith("a write", StringComparison.Ordinal)); // it registers after its random pause
        var description = trial.DescribeStuck();

        Assert.False(stuck.IsCompleted);
        Assert.Matches(@"^a write to 'results' has waited \d+\.\d s; 'results' received 1 item and was never completed$", description);
        var leak = await Assert.ThrowsAsync<ExerciseHintException>(() => trial.ExpectFinishedAsync("your stage returned")).Within();
        Assert.Equal("a write to 'results' was still waiting when your stage returned: a task your code started was still running (a leak).", leak.Message);
        trial.Stop();
    }

    [Fact]
    public async Task A_sink_nobody_completed_fails_the_run_when_it_ends()
    {
        var trial = NewTrial();
        var sink = trial.Sink<int>("results", capacity: 4);
        await sink.Writer.WriteAsync(7);
        await Until(() => sink.Count == 1); // the check reads it on its own task

        var hint = await Assert.ThrowsAsync<ExerciseHintException>(() => trial.FinishAsync()).Within();

        Assert.Equal("'results' received 1 item and was never completed: whoever writes a channel must complete it when done.", hint.Message);
        trial.Stop();
    }

    [Fact]
    public async Task ExpectFinishedAsync_finds_a_job_still_running_and_work_that_starts_after_the_moment()
    {
        var trial = NewTrial();
        var jobs = trial.Jobs(2, id => id, duration: TimeSpan.FromMilliseconds(200));
        var first = jobs.RunAsync(1);

        var running = await Assert.ThrowsAsync<ExerciseHintException>(() => trial.ExpectFinishedAsync("your function returned")).Within();
        Assert.Equal("job 1 was still running when your function returned: a task your code started was still running (a leak).", running.Message);
        await first.Within();

        // ExpectFinishedAsync takes its moment and checks before its first await; the job then starts inside the grace period.
        var check = trial.ExpectFinishedAsync("your function returned");
        var late = jobs.RunAsync(2);
        var started = await Assert.ThrowsAsync<ExerciseHintException>(() => check).Within();
        Assert.Equal("job 2 started after your function returned: a task your code started was still running (a leak).", started.Message);
        await late.Within();
    }

    [Fact]
    public void Job_lists_are_written_as_ranges()
    {
        Assert.Equal("job 3", Trial.JobList([3]));
        Assert.Equal("jobs 1-4, 7, 9-10", Trial.JobList([10, 9, 7, 4, 3, 2, 1]));
    }
}
