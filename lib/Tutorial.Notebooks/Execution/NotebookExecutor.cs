using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Tutorial.Notebooks.Documents;

namespace Tutorial.Notebooks.Execution;

/// <summary>The notebook engine: runs a notebook's C# cells in order in one in-process kernel, with the notebook's
/// folder as the working directory and a timeout per cell.</summary>
/// <remarks>The runner CLI and the notebook tests both use this class, so a lesson behaves the same in both.
/// Runs are serialised process-wide because the working directory they change is process-global.</remarks>
public sealed class NotebookExecutor
{
    private static readonly SemaphoreSlim WorkingDirectoryGate = new(1, 1);
    private readonly ExecutionOptions _options;

    /// <summary>Creates an engine with the given options (defaults: 120 s per cell, stop at the first failure).</summary>
    public NotebookExecutor(ExecutionOptions? options = null) => _options = options ?? new ExecutionOptions();

    /// <summary>The options this engine runs with.</summary>
    public ExecutionOptions Options => _options;

    /// <summary>Loads and runs the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="NotebookFormatException">The file is not a valid notebook.</exception>
    public Task<NotebookRun> RunAsync(string path, INotebookProgress? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(NotebookDocument.Load(path), progress, cancellationToken);

    /// <summary>Runs every executable cell of <paramref name="notebook"/> in a fresh kernel and returns all results.
    /// Cell failures and timeouts are results, not exceptions.</summary>
    public Task<NotebookRun> RunAsync(NotebookDocument notebook, INotebookProgress? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(notebook, [], progress, cancellationToken);

    /// <summary>Runs every executable cell of <paramref name="notebook"/> in a fresh kernel; when every cell passed, submits
    /// <paramref name="followUps"/> to the same kernel, one after another, whatever each of them does.</summary>
    /// <remarks>Progress reports follow-ups as cells numbered after the notebook's last cell.</remarks>
    /// <exception cref="NotebookLanguageException">The notebook is not all C#.</exception>
    public async Task<NotebookRun> RunAsync(NotebookDocument notebook, IReadOnlyList<FollowUp> followUps, INotebookProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        notebook.RequireCSharp();
        await WorkingDirectoryGate.WaitAsync(cancellationToken);
        var previousDirectory = Environment.CurrentDirectory;
        var total = Stopwatch.StartNew();
        var kernel = KernelFactory.Create();
        var kernelUsable = true;
        try
        {
            Environment.CurrentDirectory = notebook.Directory;
            var results = new List<CellResult>(notebook.Cells.Count);
            var executionCount = 0;
            var stopped = false;

            foreach (var cell in notebook.Cells)
            {
                if (!cell.IsExecutable)
                {
                    results.Add(new CellResult(cell, CellStatus.NotExecutable, TimeSpan.Zero, []));
                    continue;
                }

                if (stopped)
                {
                    results.Add(new CellResult(cell, CellStatus.NotRun, TimeSpan.Zero, []));
                    continue;
                }

                progress?.CellStarting(notebook, cell);
                var result = await RunCellAsync(kernel, cell, ++executionCount, cancellationToken);
                results.Add(result);
                progress?.CellFinished(notebook, result);

                if (result.Status == CellStatus.TimedOut)
                {
                    // The hung submission still owns the kernel: nothing more can run in it.
                    kernelUsable = false;
                    stopped = true;
                }
                else if (result.Status == CellStatus.Failed && _options.StopAtFirstFailure)
                {
                    stopped = true;
                }
            }

            var followUpResults = new List<FollowUpResult>();
            if (!stopped && results.All(r => r.Status is CellStatus.Passed or CellStatus.NotExecutable))
            {
                var number = notebook.Cells.Count;
                foreach (var followUp in followUps)
                {
                    var cell = new NotebookCell(++number, CellKind.Code, NotebookDocument.CSharp, followUp.Source);
                    progress?.CellStarting(notebook, cell);
                    var result = await RunCellAsync(kernel, cell, ++executionCount, cancellationToken);
                    followUpResults.Add(new FollowUpResult(followUp, result));
                    progress?.CellFinished(notebook, result);
                    if (result.Status == CellStatus.TimedOut)
                    {
                        kernelUsable = false;
                        break;
                    }
                }
            }

            return new NotebookRun(notebook, results, total.Elapsed, followUpResults);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            DisposeKernel(kernel, kernelUsable);
            WorkingDirectoryGate.Release();
        }
    }

    private async Task<CellResult> RunCellAsync(Kernel kernel, NotebookCell cell, int executionCount, CancellationToken cancellationToken)
    {
        var collector = new CellEventCollector(_options.MaxOutputCharacters);
        var watch = Stopwatch.StartNew();
        using var subscription = kernel.KernelEvents.Subscribe(collector);

        // Task.Run: a cell that blocks synchronously (Thread.Sleep, a busy loop) must not block the engine's thread,
        // or the timeout below could never fire.
        var submission = Task.Run(() => kernel.SendAsync(new SubmitCode(cell.Source, KernelFactory.CSharp), cancellationToken), CancellationToken.None);
        var timeout = Task.Delay(_options.CellTimeout, cancellationToken);
        var finished = await Task.WhenAny(submission, timeout);

        if (finished != submission)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObserveInBackground(submission);
            collector.Add(CellOutput.FromText(
                OutputKind.Error,
                $"cell {cell.Number} did not finish within {FormatSeconds(_options.CellTimeout)} (the per-cell timeout); the kernel was stopped and the remaining cells were not run",
                "Timeout"));
            return new CellResult(cell, CellStatus.TimedOut, watch.Elapsed, collector.Snapshot(), executionCount, collector.KeyFigureLines);
        }

        KernelCommandResult commandResult;
        try
        {
            commandResult = await submission;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The kernel itself broke (not the learner's code): report it as this cell's failure.
            collector.Add(CellOutput.FromText(OutputKind.Error, e.Message, e.GetType().FullName));
            return new CellResult(cell, CellStatus.Failed, watch.Elapsed, collector.Snapshot(), executionCount, collector.KeyFigureLines);
        }

        var failed = collector.Failed || commandResult.Events.OfType<CommandFailed>().Any();
        if (failed && !collector.HasError)
        {
            var message = commandResult.Events.OfType<CommandFailed>().FirstOrDefault()?.Message ?? "the cell failed";
            collector.Add(CellOutput.FromText(OutputKind.Error, message, "Error"));
        }

        return new CellResult(cell, failed ? CellStatus.Failed : CellStatus.Passed, watch.Elapsed, collector.Snapshot(), executionCount, collector.KeyFigureLines);
    }

    private static void DisposeKernel(Kernel kernel, bool usable)
    {
        if (usable)
        {
            kernel.Dispose();
            return;
        }

        // A hung cell may hold locks that Dispose waits for; dispose in the background so the run carries on.
        _ = Task.Run(() =>
        {
            try
            {
                kernel.Dispose();
            }
            catch (Exception)
            {
                // Best effort: the kernel is abandoned either way.
            }
        });
    }

    private static void ObserveInBackground(Task task) =>
        _ = task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    internal static string FormatSeconds(TimeSpan time) =>
        time.TotalSeconds >= 1 ? $"{time.TotalSeconds:0.#} s" : $"{time.TotalMilliseconds:0} ms";
}
