using System.Diagnostics;
using Spectre.Console;
using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Execution;

namespace Tutorial.Notebooks.Cli;

/// <summary>Shows which lesson and cell is running. Every finished cell gets one line (with its key figures and, when it
/// failed, the reason); on an interactive terminal a Spectre.Console status line below them shows the running cell and
/// its time. Redirected output gets the plain lines only.</summary>
internal sealed class ConsoleProgress : INotebookProgress, IDisposable
{
    private readonly IAnsiConsole _console;
    private readonly Lock _gate = new();
    private readonly Stopwatch _cellWatch = new();
    private readonly Timer _ticker;
    private StatusContext? _status;
    private string? _current;
    private int _codeCells;
    private int _codeIndex;
    private bool _failureShown;

    private ConsoleProgress(IAnsiConsole console)
    {
        _console = console;
        _ticker = new Timer(_ => Tick(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Runs <paramref name="body"/> with a progress display on <paramref name="console"/>.</summary>
    public static async Task RunAsync(IAnsiConsole console, Func<ConsoleProgress, Task> body)
    {
        using var progress = new ConsoleProgress(console);
        if (!console.Profile.Capabilities.Interactive)
        {
            await body(progress);
            return;
        }

        await console.Status().Spinner(Spinner.Known.Dots).StartAsync("starting", async context =>
        {
            progress._status = context;
            await body(progress);
        });
    }

    public void LessonStarting(NotebookDocument notebook, int index, int count)
    {
        lock (_gate)
        {
            _codeCells = notebook.Cells.Count(c => c.IsExecutable);
            _codeIndex = 0;
            _failureShown = false;
            _console.MarkupLineInterpolated($"[bold][[{index}/{count}]] {notebook.Name}[/]  ({_codeCells} code cells)");
        }
    }

    public void LessonFinished(NotebookRun run)
    {
        lock (_gate)
        {
            // A process that died between two cells failed no cell that was reported; say why here.
            if (!_failureShown && run.FailureSummary is { } failure)
            {
                _console.MarkupLineInterpolated($"        [red]{failure}[/]");
            }
        }
    }

    public void CellStarting(NotebookDocument notebook, NotebookCell cell)
    {
        lock (_gate)
        {
            _codeIndex++;
            _current = cell.Number <= notebook.Cells.Count
                ? $"cell {cell.Number,2}  ({_codeIndex}/{_codeCells})  {FirstLine(cell.Source)}"
                : $"after the lesson: {FirstLine(cell.Source)}";
            _cellWatch.Restart();
            if (_status is not null)
            {
                _status.Status(Markup.Escape($"{notebook.Name}  {_current}"));
                _ticker.Change(500, 500);
            }
        }
    }

    public void CellFinished(NotebookDocument notebook, CellResult result)
    {
        lock (_gate)
        {
            _ticker.Change(Timeout.Infinite, Timeout.Infinite);
            var (verdict, colour) = result.Status switch
            {
                CellStatus.Passed => ("ok", "green"),
                CellStatus.TimedOut => ("TIMED OUT", "red"),
                _ => ("FAILED", "red"),
            };
            _console.MarkupLineInterpolated($"    {_current}  {NotebookExecutor.FormatSeconds(result.Duration)}  [{colour}]{verdict}[/]");
            foreach (var figure in result.KeyFigures)
            {
                _console.WriteLine($"        {KeyFigure.Marker} {figure.Text}");
            }

            if (result.IsFailure)
            {
                _console.MarkupLineInterpolated($"        [red]{result.ErrorSummary}[/]");
                _failureShown = true;
            }

            _current = null;
        }
    }

    public void Dispose() => _ticker.Dispose();

    private void Tick()
    {
        lock (_gate)
        {
            if (_current is not null && _status is not null)
            {
                _status.Status(Markup.Escape($"{_current}  {_cellWatch.Elapsed.TotalSeconds:0.0} s"));
            }
        }
    }

    private static string FirstLine(string source)
    {
        var line = source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length > 48 ? line[..47] + "…" : line;
    }
}
