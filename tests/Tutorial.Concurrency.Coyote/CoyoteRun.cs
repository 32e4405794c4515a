using Microsoft.Coyote;
using Microsoft.Coyote.SystematicTesting;

namespace Tutorial.Concurrency.Coyote;

/// <summary>Runs one test body under Coyote's systematic scheduler and fails the xunit test with Coyote's bug report.</summary>
internal static class CoyoteRun
{
    // Fixed iterations and seed: the same schedules every run, so a failure here is a real, replayable interleaving.
    public const uint Seed = 20261127;

    public static void Check(Func<Task> test, int iterations = 200)
    {
        var (bugs, report) = Explore(test, iterations);
        Assert.True(bugs == 0, $"Coyote found {bugs} bug(s) in {iterations} iterations (seed {Seed}):{Environment.NewLine}{report}");
    }

    /// <summary>Explores <paramref name="iterations"/> schedules; returns the number of bugs and their report with a replayable trace.</summary>
    public static (int Bugs, string Report) Explore(Func<Task> test, int iterations)
    {
        var configuration = Configuration.Create()
            .WithTestingIterations((uint)iterations)
            .WithRandomGeneratorSeed(Seed)
            .WithMaxSchedulingSteps(5000);
        using var engine = TestingEngine.Create(configuration, test);
        engine.Run();
        var report = engine.TestReport;
        return (report.NumOfFoundBugs,
            string.Join(Environment.NewLine, report.BugReports)
            + Environment.NewLine + "Reproducible trace:" + Environment.NewLine + engine.ReproducibleTrace);
    }
}
