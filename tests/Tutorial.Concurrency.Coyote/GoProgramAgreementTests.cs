using Tutorial.Concurrency.Diagnostics;
using System.Threading.Channels;

namespace Tutorial.Concurrency.Coyote;

/// <summary>
/// The library's GoProgram deadlock detector and Coyote judge the same tiny programs: a reader ranging over a channel
/// that is never closed (both must call it a deadlock) and one whose channel is closed (neither may).
/// </summary>
/// <remarks>
/// The detector relies on real timers and the real thread pool, which Coyote does not control, so it runs natively here (the rewritten library
/// behaves as the original outside a Coyote engine); Coyote runs the same program body on a channel with synchronous
/// continuations, which it needs to follow the hand-offs.
/// </remarks>
// Alone: the detector reads the whole process (thread pool, timers), and Coyote's explorations beside it would only delay
// its report.
[Collection(DetectorAlone.Name)]
public class GoProgramAgreementTests
{
    // One goroutine sends a value (and closes the channel if asked); main ranges over the channel until it is closed.
    private static async Task ReaderProgram(Channel<int> channel, bool close, Action<Func<Task>> go)
    {
        go(async () =>
        {
            await channel.Writer.WriteAsync(1);
            if (close)
                channel.Writer.Complete();
        });
        await foreach (var _ in channel.Reader.ReadAllAsync())
        {
        }
    }

    private static (int Bugs, string Report) UnderCoyote(bool close) =>
        CoyoteRun.Explore(
            () => ReaderProgram(Channel.CreateBounded<int>(new BoundedChannelOptions(1) { AllowSynchronousContinuations = true }), close, body => _ = Task.Run(body)),
            iterations: 100);

    private static Task UnderGoProgram(bool close) =>
        GoProgram.RunAsync(
            go => ReaderProgram(Chan.Make<int>(1, "values"), close, body => go.Go("sender", body)),
            // The timeout is only a safety net against a hang; the grace period is the detector's usual 100 ms.
            new GoProgramOptions { Timeout = TimeSpan.FromSeconds(10) });

    [Fact]
    public async Task Both_report_a_reader_on_a_never_closed_channel()
    {
        var (bugs, report) = UnderCoyote(close: false);
        Assert.True(bugs == 1 && report.Contains("Deadlock", StringComparison.OrdinalIgnoreCase), $"Coyote: {bugs} bug(s): {report}");

        var deadlock = await Assert.ThrowsAsync<DeadlockException>(() => UnderGoProgram(close: false));
        Assert.Contains("all goroutines are asleep - deadlock!", deadlock.Message);
        Assert.Contains("chan receive", deadlock.Message);
    }

    [Fact]
    public async Task Neither_reports_a_reader_on_a_closed_channel()
    {
        var (bugs, report) = UnderCoyote(close: true);
        Assert.True(bugs == 0, $"Coyote: {bugs} bug(s): {report}");

        await UnderGoProgram(close: true);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DetectorAlone
{
    public const string Name = "deadlock detector, alone";
}
