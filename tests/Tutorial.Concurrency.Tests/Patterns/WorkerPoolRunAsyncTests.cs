namespace Tutorial.Concurrency.Tests.Patterns;

public class WorkerPoolRunAsyncTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public async Task Runs_every_id_once_and_names_each_result_by_its_id(int workers)
    {
        var report = await WorkerPool.RunAsync(Enumerable.Range(1, 20_000), workers, (x, _) => ValueTask.FromResult(x * 2)).Within();

        Assert.Equal(20_000, report.Inputs);
        Assert.Equal(Enumerable.Range(1, 20_000), report.Results.Select(r => r.JobId).Order());
        Assert.All(report.Results, r => Assert.Equal(r.JobId * 2, r.Value));
        Assert.Empty(report.DeadLetters);
        Assert.Empty(report.NotProcessed);
        Assert.True(report.IsFullyAccounted);
        Assert.Equal("20000 inputs: 20000 succeeded, 0 dead-lettered, 0 not processed", report.ToString());
    }

    [Fact]
    public async Task Jobs_with_their_own_inputs_keep_the_callers_ids()
    {
        var jobs = new[] { new Job<string>(10, "a"), new Job<string>(20, "bb"), new Job<string>(30, "ccc") };

        var report = await WorkerPool.RunAsync(jobs, 2, (s, _) => ValueTask.FromResult(s.Length)).Within();

        Assert.Equal(new[] { (10, 1), (20, 2), (30, 3) }, report.Results.Select(r => (r.JobId, r.Value)).Order());
    }

    [Fact]
    public async Task Reports_dead_letters_after_retries()
    {
        var report = await WorkerPool.RunAsync(Enumerable.Range(0, 20), 3,
            (x, _) => x % 5 == 0 ? throw new InvalidOperationException($"bad {x}") : ValueTask.FromResult(x),
            new WorkerPoolOptions { MaxAttempts = 2 }).Within();

        Assert.Equal(16, report.Results.Count);
        Assert.Equal(new[] { 0, 5, 10, 15 }, report.DeadLetters.Select(d => d.Job.Id).Order());
        Assert.All(report.DeadLetters, d => Assert.Equal(2, d.Attempts));
        Assert.True(report.IsFullyAccounted);
        Assert.Equal("20 inputs: 16 succeeded, 4 dead-lettered, 0 not processed", report.ToString());
    }

    [Fact]
    public async Task Mixes_synchronous_and_asynchronous_jobs_failures_and_retries()
    {
        var attempts = new int[200];
        async ValueTask<int> Work(int x, CancellationToken ct)
        {
            var attempt = Interlocked.Increment(ref attempts[x]);
            if (x % 3 == 0)
                await Task.Yield();
            if (x % 10 == 0)
                throw new InvalidOperationException($"job {x} always fails");
            if (x % 7 == 0 && attempt == 1)
                throw new TimeoutException($"job {x} fails once");
            return x;
        }

        var report = await WorkerPool.RunAsync(Enumerable.Range(0, 200), 4, Work, new WorkerPoolOptions { MaxAttempts = 2 }).Within();

        Assert.True(report.IsFullyAccounted);
        Assert.Equal(20, report.DeadLetters.Count);
        Assert.Equal(180, report.Results.Count);
        Assert.All(report.Results, r => Assert.Equal(r.JobId % 7 == 0 ? 2 : 1, r.Attempts));
    }

    [Fact]
    public async Task Cancellation_mid_run_is_reported_not_thrown_and_every_input_is_accounted_for()
    {
        using var cts = new CancellationTokenSource();
        var report = await WorkerPool.RunAsync(Enumerable.Range(0, 100), 2, async (x, ct) =>
        {
            if (x == 10)
                cts.Cancel();
            await Task.Delay(x >= 10 ? Timeout.Infinite : 0, ct);
            return x;
        }, cancellationToken: cts.Token).Within();

        Assert.Equal(100, report.Inputs);
        Assert.True(report.IsFullyAccounted, report.ToString());
        Assert.Contains(report.NotProcessed, j => j.Id == 10);
        Assert.Contains(report.NotProcessed, j => j.Id == 99);
        Assert.All(report.Results, r => Assert.True(r.Value < 10));
    }

    [Fact]
    public async Task An_already_cancelled_run_runs_nothing_and_reports_every_input_not_processed()
    {
        var ran = false;
        var report = await WorkerPool.RunAsync(Enumerable.Range(0, 10), 2, (x, _) =>
        {
            ran = true;
            return ValueTask.FromResult(x);
        }, cancellationToken: new CancellationToken(canceled: true)).Within();

        Assert.False(ran);
        Assert.Equal(10, report.Inputs);
        Assert.Equal(Enumerable.Range(0, 10), report.NotProcessed.Select(j => j.Id).Order());
        Assert.True(report.IsFullyAccounted);
    }

    [Fact]
    public async Task No_inputs_gives_an_empty_report()
    {
        var report = await WorkerPool.RunAsync(Array.Empty<int>(), 2, (x, _) => ValueTask.FromResult(x)).Within();

        Assert.Equal(0, report.Inputs);
        Assert.True(report.IsFullyAccounted);
    }

    [Fact]
    public async Task Rejects_bad_arguments_through_the_returned_task()
    {
        Assert.Equal("jobIds", (await Assert.ThrowsAsync<ArgumentNullException>(() => WorkerPool.RunAsync<int>(null!, 1, (x, _) => ValueTask.FromResult(x)).Within())).ParamName);
        Assert.Equal("jobs", (await Assert.ThrowsAsync<ArgumentNullException>(() => WorkerPool.RunAsync<int, int>(null!, 1, (x, _) => ValueTask.FromResult(x)).Within())).ParamName);
        Assert.Equal("workerCount", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => WorkerPool.RunAsync(new[] { 1 }, 0, (x, _) => ValueTask.FromResult(x)).Within())).ParamName);
        Assert.Equal("work", (await Assert.ThrowsAsync<ArgumentNullException>(() => WorkerPool.RunAsync<int>(new[] { 1 }, 1, null!).Within())).ParamName);
    }

    [Fact]
    public async Task An_input_sequence_that_throws_cancels_the_pool_and_rethrows_once_it_has_shut_down()
    {
        var jobs = new GatedJobs();
        IEnumerable<int> Inputs()
        {
            yield return 0;
            yield return 1;
            jobs.Started(0).Wait(Safety.Timeout); // job 0 is running when the sequence fails
            throw new IOException("the input file ended early");
        }

        var error = await Assert.ThrowsAsync<IOException>(() => WorkerPool.RunAsync(Inputs(), 1, jobs.Work).Within());

        Assert.Equal("the input file ended early", error.Message);
        Assert.False(jobs.HasStarted(1)); // queued behind job 0, then cancelled
    }

    [Fact]
    public async Task Disposes_the_input_enumerator()
    {
        var disposed = false;
        IEnumerable<int> Inputs()
        {
            try
            {
                yield return 1;
                yield return 2;
            }
            finally
            {
                disposed = true;
            }
        }

        await WorkerPool.RunAsync(Inputs(), 2, (x, _) => ValueTask.FromResult(x)).Within();
        Assert.True(disposed);
    }

    [Fact]
    public async Task Records_every_attempt_on_the_timeline()
    {
        var timeline = new Timeline();
        var report = await WorkerPool.RunAsync(Enumerable.Range(0, 50), 3, (x, _) => ValueTask.FromResult(x), new WorkerPoolOptions { Timeline = timeline })
            .Within();

        Assert.Equal(50, report.Results.Count);
        Assert.Equal(50, timeline.Entries.Count);
        Assert.All(timeline.Entries, e => Assert.Matches("^worker [123]$", e.Lane));
    }
}
