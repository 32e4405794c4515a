using System.Diagnostics;
using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Execution;

namespace Tutorial.Notebooks.Cli;

/// <summary>Shows which lesson and cell is running and for how long. On a terminal the current cell's line ticks
/// every half second; when output is redirected (CI logs) each cell gets one line when it finishes.</summary>
internal sealed class ConsoleProgress : INotebookProgress, IDisposable
{
    private readonly TextWriter _out;
    private readonly bool _live;
    private readonly Lock _gate = new();
    private readonly Timer _ticker;
    private readonly Stopwatch _cellWatch = new();
    private string? _currentLine;
    private int _codeCells;
    private int _codeIndex;

    public ConsoleProgress(TextWriter output, bool live)
    {
        _out = output;
        _live = live;
        _ticker = new Timer(_ => Tick(), null, Timeout.Infinite, Timeout.Infinite);
    }

    public void LessonStarting(NotebookDocument notebook, int index, int count)
    {
        _codeCells = notebook.Cells.Count(c => c.IsExecutable);
        _codeIndex = 0;
        _out.WriteLine($"[{index}/{count}] {notebook.Name}  ({_codeCells} code cells)");
    }

    public void CellStarting(NotebookDocument notebook, NotebookCell cell)
    {
        lock (_gate)
        {
            _codeIndex++;
            _currentLine = $"    cell {cell.Number,2}  ({_codeIndex}/{_codeCells})  {FirstLine(cell.Source)}";
            _cellWatch.Restart();
            if (_live)
            {
                _out.Write($"\r{_currentLine}  ...");
                _ticker.Change(500, 500);
            }
        }
    }

    public void CellFinished(NotebookDocument notebook, CellResult result)
    {
        lock (_gate)
        {
            _ticker.Change(Timeout.Infinite, Timeout.Infinite);
            var verdict = result.Status switch
            {
                CellStatus.Passed => "ok",
                CellStatus.TimedOut => "TIMED OUT",
                _ => "FAILED",
            };
            _out.WriteLine($"{(_live ? "\r" : "")}{_currentLine}  {NotebookExecutor.FormatSeconds(result.Duration)}  {verdict}{ClearToEnd}");
            foreach (var figure in result.KeyFigures)
            {
                _out.WriteLine($"        📌 {figure.Text}");
            }

            if (result.IsFailure)
            {
                _out.WriteLine($"        {result.ErrorSummary}");
            }

            _currentLine = null;
        }
    }

    public void Dispose() => _ticker.Dispose();

    private string ClearToEnd => _live ? "\u001b[K" : "";

    private void Tick()
    {
        lock (_gate)
        {
            if (_currentLine is not null)
            {
                _out.Write($"\r{_currentLine}  {_cellWatch.Elapsed.TotalSeconds:0.0} s ...{ClearToEnd}");
            }
        }
    }

    private static string FirstLine(string source)
    {
        var line = source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length > 48 ? line[..47] + "…" : line;
    }
}
