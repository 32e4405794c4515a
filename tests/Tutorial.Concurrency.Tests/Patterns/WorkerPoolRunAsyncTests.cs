namespace Tutorial.Concurrency.Tests.Patterns;

public class WorkerPoolRunAsyncTests
{
    [Fact]
    public async Task Runs_every_input_and_reports_each_once()
    {
        var report = await WorkerPool.RunAsync(Enumerable.Range(0, 50), 4, (x, _) => ValueTask.FromResult(x * x)).Within();

        Assert.Equal(50, report.Submitted);
        Assert.Equal(Enumerable.Range(0, 50), report.Results.Select(r => r.JobId).Order());
        Assert.All(report.Results, r => Assert.Equal(r.JobId * r.JobId, r.Value));
        Assert.Empty(report.DeadLetters);
        Assert.Empty(report.NotProcessed);
        Assert.True(report.IsFullyAccounted);
        Assert.Equal("50 submitted: 50 succeeded, 0 dead-lettered, 0 not processed", report.ToString());
    }

    [Fact]
    public async Task Reports_dead_letters_after_retries()
    {
        var report = await WorkerPool.RunAsync(Enumerable.Range(0, 20), 3,
            (x, _) => x % 5 == 0 ? throw new InvalidOperationException($"bad {x}") : ValueTask.FromResult(x),
            new WorkerPoolOptions { MaxAttempts = 2 }).Within();

        Assert.Equal(16, report.Results.Count);
        Assert.Equal(new[] { 0, 5, 10, 15 }, report.DeadLetters.Select(d => d.Job.Input).Order());
        Assert.All(report.DeadLetters, d => Assert.Equal(2, d.Attempts));
        Assert.True(report.IsFullyAccounted);
        Assert.Equal("20 submitted: 16 succeeded, 4 dead-lettered, 0 not processed", report.ToString());
    }

    [Fact]
    public async Task Cancellation_mid_run_is_reported_not_thrown_and_every_job_is_still_accounted_for()
    {
        using var cts = new CancellationTokenSource();
        var report = await WorkerPool.RunAsync(Enumerable.Range(0, 100), 2, async (x, ct) =>
        {
            if (x == 10)
                cts.Cancel();
            await Task.Delay(x >= 10 ? Timeout.Infinite : 0, ct);
            return x;
        }, cancellationToken: cts.Token).Within();

        Assert.True(report.IsFullyAccounted, report.ToString());
        Assert.NotEmpty(report.NotProcessed);
        Assert.Contains(report.NotProcessed, j => j.Input == 10);
        Assert.True(report.Submitted < 100, "submission should stop once the run is cancelled");
        Assert.All(report.Results, r => Assert.True(r.Value < 10));
    }

    [Fact]
    public async Task An_already_cancelled_run_submits_nothing()
    {
        var ran = false;
        var report = await WorkerPool.RunAsync(Enumerable.Range(0, 10), 2, (x, _) =>
        {
            ran = true;
            return ValueTask.FromResult(x);
        }, cancellationToken: new CancellationToken(canceled: true)).Within();

        Assert.Equal(0, report.Submitted);
        Assert.Empty(report.Results);
        Assert.True(report.IsFullyAccounted);
        Assert.False(ran);
    }

    [Fact]
    public async Task No_inputs_gives_an_empty_report()
    {
        var report = await WorkerPool.RunAsync(Array.Empty<int>(), 2, (x, _) => ValueTask.FromResult(x)).Within();

        Assert.Equal(0, report.Submitted);
        Assert.True(report.IsFullyAccounted);
    }

    [Fact]
    public async Task Rejects_bad_arguments()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => WorkerPool.RunAsync<int, int>(null!, 1, (x, _) => ValueTask.FromResult(x)).Within());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => WorkerPool.RunAsync(new[] { 1 }, 0, (x, _) => ValueTask.FromResult(x)).Within());
        await Assert.ThrowsAsync<ArgumentNullException>(() => WorkerPool.RunAsync<int, int>(new[] { 1 }, 1, null!).Within());
    }

    [Fact]
    public void IsFullyAccounted_detects_missing_and_duplicated_jobs()
    {
        var ok = Result<int>.Success(0, 0);
        var dead = new DeadLetter<int>(new Job<int>(1, 1), [new InvalidOperationException()]);
        var skipped = new Job<int>(2, 2);

        Assert.True(new WorkerPoolReport<int, int>(3, [ok], [dead], [skipped]).IsFullyAccounted);
        Assert.False(new WorkerPoolReport<int, int>(3, [ok], [dead], []).IsFullyAccounted);              // one missing
        Assert.False(new WorkerPoolReport<int, int>(3, [ok], [dead], [new Job<int>(0, 0)]).IsFullyAccounted); // job 0 twice
        Assert.False(new WorkerPoolReport<int, int>(2, [ok], [dead], [skipped]).IsFullyAccounted);       // one too many
    }
}
