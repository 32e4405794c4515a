using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Tutorial.Notebooks.Documents;

namespace Tutorial.Notebooks.Execution;

/// <summary>Runs each notebook in a child process of its own (this same program, in its hidden lesson-host mode), so
/// that nothing a cell does can end the caller: <c>Environment.Exit</c>, an exception on a background thread, running
/// out of memory or hanging all become a failed lesson with the reason, and the caller goes on.</summary>
/// <remarks>The child uses <see cref="NotebookExecutor"/>, so a lesson behaves exactly as in-process; it sends each cell's
/// result as soon as the cell ends, so everything up to a crash is kept. A watchdog kills a child that stops reporting
/// (a cell that blocks the timeout itself), and every child is started with a GC heap limit so that a runaway allocation
/// fails inside the lesson instead of taking the machine's memory.</remarks>
public sealed class IsolatedExecutor
{
    /// <summary>The hidden command line that makes this program a lesson host.</summary>
    internal const string HostCommand = "lesson-host";

    // How long past the cell timeout the child may stay silent before it is killed: its own timeout should fire first.
    private static readonly TimeSpan WatchdogGrace = TimeSpan.FromSeconds(30);
    private const int StderrTailCharacters = 16 * 1024;

    private readonly ExecutionOptions _options;

    /// <summary>Creates an executor with the given options (defaults: 120 s per cell, half the machine's memory per lesson).</summary>
    public IsolatedExecutor(ExecutionOptions? options = null) => _options = options ?? new ExecutionOptions();

    /// <summary>The options this executor runs with.</summary>
    public ExecutionOptions Options => _options;

    /// <summary>The default memory limit of one lesson: half of the memory this machine has.</summary>
    public static long DefaultMaxMemoryBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>Runs <paramref name="notebook"/> in a child process; see <see cref="NotebookExecutor.RunAsync(NotebookDocument, IReadOnlyList{FollowUp}, INotebookProgress?, CancellationToken)"/>.</summary>
    /// <returns>The run; a crash is a failed cell (or <see cref="NotebookRun.Problem"/>), never an exception.</returns>
    /// <exception cref="NotebookLanguageException">The notebook is not all C#.</exception>
    /// <param name="notebook">The notebook.</param>
    /// <param name="followUps">Submissions after the cells, when they all passed.</param>
    /// <param name="progress">Told about each cell.</param>
    /// <param name="cancellationToken">Kills the child and throws.</param>
    /// <param name="whenReady">Awaited once the child has started and warmed up its compiler, before the lesson starts; what
    /// it returns is disposed when the run ends. A caller that must run the lesson alone (to measure it) waits for that here,
    /// so the warm-up does not count.</param>
    public async Task<NotebookRun> RunAsync(NotebookDocument notebook, IReadOnlyList<FollowUp>? followUps = null, INotebookProgress? progress = null,
        CancellationToken cancellationToken = default, Func<Task<IDisposable?>>? whenReady = null)
    {
        followUps ??= [];
        notebook.RequireCSharp();
        var watch = Stopwatch.StartNew();
        var nonce = Guid.NewGuid().ToString("N");
        var request = new LessonRequest(notebook.Path, _options.CellTimeout.TotalSeconds, _options.MaxOutputCharacters, followUps, nonce);
        var followUpCells = followUps.Select((f, i) => new NotebookCell(notebook.Cells.Count + i + 1, CellKind.Code, NotebookDocument.CSharp, f.Source)).ToList();
        var labels = followUps.Select(f => f.Label).ToList();

        var results = new Dictionary<int, CellResult>();
        NotebookCell? running = null;
        var runningFor = new Stopwatch();
        var done = false;
        TimeSpan? childDuration = null;

        using var process = new Process { StartInfo = StartInfo(notebook, nonce) };
        IDisposable? readyHold = null;
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.AppendLine(e.Data);
                if (stderr.Length > 2 * StderrTailCharacters)
                {
                    stderr.Remove(0, stderr.Length - StderrTailCharacters);
                }
            }
        };

        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return Assemble(notebook, results, followUpCells, labels, null, TimeSpan.Zero, CellStatus.Failed, watch.Elapsed, $"could not start the lesson's process ({process.StartInfo.FileName}): {e.Message}");
        }

        process.BeginErrorReadLine();
        var killedBecause = (string?)null;
        using var watchdog = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var silence = _options.CellTimeout + WatchdogGrace;
        watchdog.CancelAfter(silence);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(watchdog.Token) is { } line)
            {
                if (!LessonProtocol.TryReadEvent(nonce, line, out var e))
                {
                    continue;
                }

                if (e.Kind == WireEventKind.Ready)
                {
                    // The child idles while the caller waits (perhaps minutes, for the machine to be free): no watchdog.
                    watchdog.CancelAfter(Timeout.InfiniteTimeSpan);
                    readyHold = whenReady is null ? null : await whenReady().WaitAsync(cancellationToken);
                    await process.StandardInput.WriteAsync(JsonSerializer.Serialize(request, LessonProtocol.Json).AsMemory(), cancellationToken);
                    process.StandardInput.Close();
                    watch.Restart();
                }

                watchdog.CancelAfter(silence);
                var cell = e.Cell <= notebook.Cells.Count ? (e.Cell >= 1 ? notebook.Cells[e.Cell - 1] : null) : followUpCells.ElementAtOrDefault(e.Cell - notebook.Cells.Count - 1);
                switch (e.Kind)
                {
                    case WireEventKind.CellStarting when cell is not null:
                        running = cell;
                        runningFor.Restart();
                        progress?.CellStarting(notebook, cell);
                        break;
                    case WireEventKind.CellFinished when cell is not null && e.Result is not null:
                        var result = e.Result.ToResult(cell);
                        results[cell.Number] = result;
                        running = null;
                        progress?.CellFinished(notebook, result);
                        break;
                    case WireEventKind.Done:
                        done = true;
                        childDuration = TimeSpan.FromMilliseconds(e.DurationMs);
                        break;
                }
            }

            await process.WaitForExitAsync(watchdog.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            killedBecause = $"the lesson's process reported nothing for {NotebookExecutor.FormatSeconds(silence)} (the cell timeout plus {NotebookExecutor.FormatSeconds(WatchdogGrace)}) and was killed";
        }
        catch (IOException)
        {
            // The child died before it read its whole request (a broken pipe); its exit code and stderr say why.
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            readyHold?.Dispose();
        }

        cancellationToken.ThrowIfCancellationRequested();
        await process.WaitForExitAsync(CancellationToken.None);
        string tail;
        lock (stderr)
        {
            tail = stderr.ToString();
        }

        var reason = done ? null : killedBecause ?? DescribeExit(process.ExitCode, tail, running);
        var status = killedBecause is null ? CellStatus.Failed : CellStatus.TimedOut;
        var run = Assemble(notebook, results, followUpCells, labels, running, runningFor.Elapsed, status, childDuration ?? watch.Elapsed, reason);

        // The child could not report the cell it died in; the caller was told it started, so it is told how it ended.
        if (reason is not null && running is not null
            && run.Cells.Concat(run.FollowUps.Select(f => f.Result)).FirstOrDefault(c => c.Cell == running) is { } crashed)
        {
            progress?.CellFinished(notebook, crashed);
        }

        return run;
    }

    private ProcessStartInfo StartInfo(NotebookDocument notebook, string nonce)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = notebook.Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(IsolatedExecutor).Assembly.Location);
        start.ArgumentList.Add(HostCommand);
        start.ArgumentList.Add(nonce);
        // GC settings read from the environment are hexadecimal.
        var limit = _options.MaxMemoryBytes ?? DefaultMaxMemoryBytes;
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + limit.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }

    // The dotnet host that runs this program: the current process when it is dotnet itself, else the one the SDK names
    // for child processes, else the one beside the running runtime (.../dotnet/shared/Microsoft.NETCore.App/<version>/).
    private static string DotnetHost()
    {
        var exe = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == exe)
        {
            return self;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        var besideRuntime = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", exe));
        return File.Exists(besideRuntime) ? besideRuntime : exe;
    }

    private string DescribeExit(int exitCode, string stderr, NotebookCell? running)
    {
        var lines = stderr.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unhandled = lines.LastOrDefault(l => l.StartsWith("Unhandled exception.", StringComparison.Ordinal));
        var where = running is null ? "" : $" while cell {running.Number} ran";
        if (lines.Any(l => l.Contains("OutOfMemoryException", StringComparison.Ordinal) || l == "Out of memory."))
        {
            var limit = (_options.MaxMemoryBytes ?? DefaultMaxMemoryBytes) / (1024 * 1024);
            return $"the lesson's process ran out of memory{where} (its limit is {limit:N0} MB; see --max-memory)";
        }

        if (unhandled is not null)
        {
            return $"the lesson's process crashed{where}: {unhandled["Unhandled exception.".Length..].Trim()} was not caught (an exception on a background thread ends the process; exit code {exitCode})";
        }

        if (lines.FirstOrDefault(l => l.StartsWith("Process terminated.", StringComparison.Ordinal)) is { } failFast)
        {
            return $"the lesson's process was terminated{where}: {failFast} (exit code {exitCode})";
        }

        return exitCode switch
        {
            137 => $"the lesson's process was killed{where} (signal 9, e.g. by the system when memory ran out)",
            > 128 and < 160 => $"the lesson's process was ended by signal {exitCode - 128}{where} (exit code {exitCode})",
            _ => $"the lesson's process exited with code {exitCode}{where}, before the lesson finished (does a cell call Environment.Exit?)",
        };
    }

    private static NotebookRun Assemble(NotebookDocument notebook, Dictionary<int, CellResult> results, IReadOnlyList<NotebookCell> followUpCells,
        IReadOnlyList<string> labels, NotebookCell? running, TimeSpan runningFor, CellStatus status, TimeSpan duration, string? reason)
    {
        var cells = new List<CellResult>(notebook.Cells.Count);
        var reasonUsed = reason is null;
        foreach (var cell in notebook.Cells)
        {
            if (results.TryGetValue(cell.Number, out var result))
            {
                cells.Add(result);
            }
            else if (!cell.IsExecutable)
            {
                cells.Add(new CellResult(cell, CellStatus.NotExecutable, TimeSpan.Zero, []));
            }
            else if (!reasonUsed && (running is null || running == cell))
            {
                var error = running == cell ? reason! : $"{reason}; it ended before this cell started, so an earlier cell caused it";
                cells.Add(running == cell
                    ? new CellResult(cell, status, runningFor, [CellOutput.FromText(OutputKind.Error, error, "LessonProcess")])
                    : new CellResult(cell, CellStatus.Failed, TimeSpan.Zero, [CellOutput.FromText(OutputKind.Error, error, "LessonProcess")]));
                reasonUsed = true;
            }
            else
            {
                cells.Add(new CellResult(cell, CellStatus.NotRun, TimeSpan.Zero, []));
            }
        }

        var followUps = new List<FollowUpResult>();
        for (var i = 0; i < followUpCells.Count; i++)
        {
            var cell = followUpCells[i];
            if (results.TryGetValue(cell.Number, out var result))
            {
                followUps.Add(new FollowUpResult(new FollowUp(labels[i], cell.Source), result));
            }
            else if (!reasonUsed && running == cell)
            {
                followUps.Add(new FollowUpResult(new FollowUp(labels[i], cell.Source),
                    new CellResult(cell, status, runningFor, [CellOutput.FromText(OutputKind.Error, reason!, "LessonProcess")])));
                reasonUsed = true;
            }
        }

        return new NotebookRun(notebook, cells, duration, followUps, reasonUsed ? null : reason);
    }
}
