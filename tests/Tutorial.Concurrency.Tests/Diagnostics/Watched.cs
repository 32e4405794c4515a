using Tutorial.Concurrency.Diagnostics;
using System.Diagnostics;

namespace Tutorial.Concurrency.Tests.Diagnostics;

/// <summary>Runs GoPrograms in tests with a safety net, so that a detector bug shows up as a failure, never as a hang.</summary>
internal static class Watched
{
    /// <summary>Longer than any program here needs; only a broken detector gets near it.</summary>
    internal static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(10);

    /// <summary>How fast a deadlock must be reported (the default grace period is 100 ms; 2 noisy cores get the rest).</summary>
    internal static readonly TimeSpan FastDiagnosis = TimeSpan.FromSeconds(2);

    /// <summary>Inside the safety net: a program that neither finishes nor is reported ends with the detector's own timeout
    /// report (which says what it thought could still run), not with a bare timeout.</summary>
    internal static readonly TimeSpan ProgramTimeout = SafetyNet - TimeSpan.FromSeconds(2);

    internal static async Task Run(Func<GoProgram, Task> main, GoProgramOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GoProgramOptions();
        if (options.Timeout == Timeout.InfiniteTimeSpan)
            options = new GoProgramOptions { GracePeriod = options.GracePeriod, DetectDeadlocks = options.DetectDeadlocks, Timeout = ProgramTimeout };
        // The safety net's timer exists before the program starts, so the detector counts it as the host's, not as a way
        // out for the program (a `RunAsync(...).WaitAsync(timeout)` would start one just after it).
        using var safetyNet = new CancellationTokenSource(SafetyNet);
        await GoProgram.RunAsync(main, options, cancellationToken).WaitAsync(safetyNet.Token);
    }

    /// <summary>Runs a program that must deadlock and returns the report and how long it took.</summary>
    internal static async Task<(DeadlockException Report, TimeSpan Elapsed)> ExpectDeadlock(Func<GoProgram, Task> main, GoProgramOptions? options = null)
    {
        var clock = Stopwatch.StartNew();
        var report = await Assert.ThrowsAsync<DeadlockException>(() => Run(main, options));
        return (report, clock.Elapsed);
    }

    /// <summary>Asserts the message has Go's header and then exactly the given goroutine header lines, in order.</summary>
    internal static void AssertDump(DeadlockException report, params string[] goroutineLines)
    {
        Assert.StartsWith("fatal error: all goroutines are asleep - deadlock!\n\n", report.Message, StringComparison.Ordinal);
        var headers = report.Message.Split('\n').Where(line => line.StartsWith("goroutine ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(goroutineLines, headers);
        Assert.Equal(goroutineLines, report.BlockedGoroutines.Select(g => g.ToString()).ToArray());
    }
}
