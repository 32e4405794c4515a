using Microsoft.Coyote;
using Microsoft.Coyote.SystematicTesting;

namespace Tutorial.Concurrency.Coyote;

/// <summary>Runs one test body under Coyote's systematic scheduler and fails the xunit test with Coyote's bug report.</summary>
internal static class CoyoteRun
{
    // Fixed iterations and seed: the same schedules every run, so a failure here is a real, replayable interleaving.
    public static void Check(Func<Task> test, int iterations = 200, uint seed = 20261127)
    {
        var configuration = Configuration.Create()
            .WithTestingIterations((uint)iterations)
            .WithRandomGeneratorSeed(seed)
            .WithMaxSchedulingSteps(5000);
        using var engine = TestingEngine.Create(configuration, test);
        engine.Run();
        var report = engine.TestReport;
        Assert.True(
            report.NumOfFoundBugs == 0,
            $"Coyote found {report.NumOfFoundBugs} bug(s) in {iterations} iterations (seed {seed}):{Environment.NewLine}"
            + string.Join(Environment.NewLine, report.BugReports)
            + Environment.NewLine + "Reproducible trace:" + Environment.NewLine + engine.ReproducibleTrace);
    }
}
