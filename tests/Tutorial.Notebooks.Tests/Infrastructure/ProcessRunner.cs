using System.Diagnostics;
using System.Text;

namespace Tutorial.Notebooks.Tests.Infrastructure;

/// <summary>Runs a command with a hard time limit; on timeout the whole process tree is killed so no test can hang.</summary>
public static class ProcessRunner
{
    /// <summary>The result of a finished command.</summary>
    public sealed record Result(int ExitCode, string Output, TimeSpan Duration)
    {
        /// <summary>The command's output, for assertion messages.</summary>
        public override string ToString() => $"exit code {ExitCode} after {Duration.TotalSeconds:0.0} s:\n{Output}";
    }

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>,
    /// holding a shared slot of the <see cref="MachineGate"/>: a build or a browser beside a lesson whose key figures are
    /// asserted would make them all "busy".</summary>
    /// <exception cref="TimeoutException">The command did not finish within <paramref name="timeout"/>; it was killed.</exception>
    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        using (await MachineGate.SharedAsync())
        {
            return await RunUngatedAsync(fileName, arguments, workingDirectory, timeout);
        }
    }

    /// <summary>Like <see cref="RunAsync"/>, for a caller that already holds a slot of the <see cref="MachineGate"/>.</summary>
    /// <exception cref="TimeoutException">The command did not finish within <paramref name="timeout"/>; it was killed.</exception>
    public static async Task<Result> RunUngatedAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var watch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close(); // a tool that prompts gets end-of-input instead of waiting forever
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds:0} s and was killed; output so far:\n{Snapshot(output)}");
        }

        return new Result(process.ExitCode, Snapshot(output), watch.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
