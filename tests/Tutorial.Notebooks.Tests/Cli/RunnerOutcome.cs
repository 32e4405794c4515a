using Spectre.Console.Testing;
using Tutorial.Notebooks.Cli;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Cli;

/// <summary>What one run of the runner printed; <see cref="OutputWhenErrorsWritten"/> is the console output at the time
/// each error line was written, to prove that problems are reported before any lesson runs.</summary>
public sealed record RunnerOutcome(int ExitCode, string Output, string Error, IReadOnlyList<string> OutputWhenErrorsWritten)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>Runs the runner with a test console 200 columns wide. Runs that execute lessons hold a shared slot of the
    /// <see cref="MachineGate"/>; a command line that is refused runs nothing and needs none.</summary>
    public static async Task<RunnerOutcome> RunAsync(params string[] args) => await RunAsync(true, args);

    /// <summary>Runs the runner; <paramref name="runsLessons"/> false skips the gate.</summary>
    public static async Task<RunnerOutcome> RunAsync(bool runsLessons, params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var error = new RecordingWriter(console);
        int exitCode;
        using (runsLessons ? await MachineGate.SharedAsync() : null)
        {
            exitCode = await RunnerCommand.RunAsync(args, console, error).WaitAsync(Limit);
        }

        return new RunnerOutcome(exitCode, console.Output, error.ToString(), error.OutputAtEachLine);
    }

    /// <inheritdoc/>
    public override string ToString() => $"exit code {ExitCode}\n--- output:\n{Output}\n--- error:\n{Error}";

    /// <summary>A TextWriter for errors that remembers, for each line, what the console had printed by then.</summary>
    private sealed class RecordingWriter(TestConsole console) : StringWriter
    {
        public List<string> OutputAtEachLine { get; } = [];

        public override void WriteLine(string? value)
        {
            OutputAtEachLine.Add(console.Output);
            base.WriteLine(value);
        }
    }
}
