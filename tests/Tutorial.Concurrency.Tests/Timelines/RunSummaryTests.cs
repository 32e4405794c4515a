using Tutorial.Concurrency;

namespace Tutorial.Concurrency.Tests.Measurement;

public class RunSummaryTests
{
    [Theory]
    [InlineData(20, 5, 200)]
    [InlineData(21, 5, 250)]
    [InlineData(19, 5, 200)]
    [InlineData(1, 8, 50)]
    [InlineData(0, 3, 0)]
    [InlineData(7, 1, 350)]
    public void IdealMakespan_is_whole_waves_of_workers(int jobs, int workers, double expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RunSummary.IdealMakespan(jobs, workers, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void IdealMakespan_rejects_negative_jobs_and_fewer_than_one_worker()
    {
        Assert.Equal("jobs", Assert.Throws<ArgumentOutOfRangeException>(() => RunSummary.IdealMakespan(-1, 1, TimeSpan.FromMilliseconds(1))).ParamName);
        Assert.Equal("workers", Assert.Throws<ArgumentOutOfRangeException>(() => RunSummary.IdealMakespan(1, 0, TimeSpan.FromMilliseconds(1))).ParamName);
    }

    [Fact]
    public void Overhead_and_ToString_report_the_distance_from_the_model()
    {
        var summary = new RunSummary(20, 5, TimeSpan.FromMilliseconds(201.3), TimeSpan.FromMilliseconds(200), 5);

        Assert.Equal(TimeSpan.FromMilliseconds(1.3), summary.Overhead);
        Assert.Equal(FormattableString.CurrentCulture($"20 jobs / 5 workers: {201.3:F1} ms (ideal {200.0:F1} ms, overhead +{1.3:0.0} ms, peak concurrency 5)"), summary.ToString());
        Assert.Contains("overhead -", (summary with { Makespan = TimeSpan.FromMilliseconds(199) }).ToString());
    }
}
