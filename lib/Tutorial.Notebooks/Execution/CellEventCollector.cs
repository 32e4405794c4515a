using System.Globalization;
using System.Text;
using Microsoft.DotNet.Interactive.Events;

namespace Tutorial.Notebooks.Execution;

/// <summary>Turns the kernel's events for one cell into <see cref="CellOutput"/>s, and remembers whether the cell failed.</summary>
/// <remarks>
/// It observes the kernel's live event stream rather than the final command result so that a cell that times out still
/// shows what it printed before it hung. Every event costs time proportional to its own size: adjacent chunks of the same
/// stream are appended to one builder (the kernel sends a chunk per write), and once a cell has printed more than
/// <see cref="ExecutionOptions.MaxOutputCharacters"/> only the first and the last half of that are kept, with a line that
/// says how much was cut. Key-figure lines are picked out of stdout as it streams, so a figure printed in the part that
/// is cut still counts.
/// </remarks>
internal sealed class CellEventCollector : IObserver<KernelEvent>
{
    // A key-figure line is short; a longer line is not one, and this bounds the memory a runaway line can take.
    private const int MaxKeyFigureLine = 4096;
    // Displayed values (charts, tables) are kept whole, up to this much per cell; later ones are dropped and counted.
    private const long MaxDisplayCharacters = 64L * 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly int _headLimit;
    private readonly int _tailLimit;

    // Until the head is full every output goes to _head; after that, text goes to _tail, which drops from its front.
    private readonly List<Slot> _head = [];
    private readonly LinkedList<Slot> _tail = [];
    private readonly List<Slot> _middle = []; // displays that were in the cut region: kept, placed after the cut note
    private int _headChars;
    private long _tailChars;
    private int _tailFrontOffset;
    private bool _cutting;
    private long _cutChars;
    private long _totalLines;

    // Display updates (a #r "nuget:" progress line, an updated chart) replace the output they update, as in an editor.
    private readonly Dictionary<string, Slot> _displayByValueId = [];
    private long _displayChars;
    private int _droppedDisplays;

    private readonly StringBuilder _line = new();
    private bool _lineTooLong;
    private readonly List<string> _keyFigureLines = [];

    private bool _commandFailed;

    public CellEventCollector(int maxOutputCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOutputCharacters, 2);
        _headLimit = maxOutputCharacters / 2;
        _tailLimit = maxOutputCharacters - _headLimit;
    }

    public bool Failed { get; private set; }

    /// <summary>True once an error output was added.</summary>
    public bool HasError { get; private set; }

    /// <summary>The lines of stdout that start with the key-figure marker, in order, the cut part included.</summary>
    public IReadOnlyList<string> KeyFigureLines
    {
        get
        {
            lock (_gate)
            {
                var lines = _keyFigureLines.ToList();
                if (!_lineTooLong && IsKeyFigureLine(_line))
                {
                    lines.Add(_line.ToString().Trim());
                }

                return lines;
            }
        }
    }

    public IReadOnlyList<CellOutput> Snapshot()
    {
        lock (_gate)
        {
            var head = _head.Select(s => s.ToOutput(0)).ToList();
            var tail = new List<CellOutput>();
            StringBuilder? run = null;
            OutputKind runKind = default;
            var offset = _tailFrontOffset;
            foreach (var slot in _tail)
            {
                // Adjacent chunks of the same stream read as one block.
                if (slot.TextKind is { } kind)
                {
                    if (run is null || runKind != kind)
                    {
                        Flush();
                        run = new StringBuilder();
                        runKind = kind;
                    }

                    run.Append(slot.Chunk, offset, slot.Chunk!.Length - offset);
                }
                else
                {
                    Flush();
                    tail.Add(slot.Output!);
                }

                offset = 0;
            }

            Flush();

            var outputs = new List<CellOutput>(head);
            if (_cutChars > 0)
            {
                var keptLines = head.Concat(tail).Where(o => o.Kind is OutputKind.StandardOutput or OutputKind.StandardError).Sum(o => (long)o.Text!.AsSpan().Count('\n'));
                var cutLines = Math.Max(0, _totalLines - keptLines);
                outputs.Add(CellOutput.FromText(OutputKind.StandardOutput, string.Create(CultureInfo.InvariantCulture,
                    $"\n[… {_cutChars:N0} characters ({cutLines:N0} lines) cut here by the runner: the cell printed more than {_headLimit + _tailLimit:N0}; the first {_headLimit:N0} and the last {_tailLimit:N0} are kept …]\n")));
            }

            outputs.AddRange(_middle.Select(s => s.ToOutput(0)));
            outputs.AddRange(tail);
            if (_droppedDisplays > 0)
            {
                outputs.Add(CellOutput.FromText(OutputKind.StandardOutput, string.Create(CultureInfo.InvariantCulture,
                    $"\n[… {_droppedDisplays:N0} displayed values dropped by the runner: this cell displayed more than {MaxDisplayCharacters / (1024 * 1024)} MB …]\n")));
            }

            return outputs;

            void Flush()
            {
                if (run is not null)
                {
                    tail.Add(CellOutput.FromText(runKind, run.ToString()));
                    run = null;
                }
            }
        }
    }

    /// <summary>Adds an output the engine itself produced (a timeout, a broken kernel).</summary>
    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            AddSlot(new Slot(output));
        }
    }

    public void OnNext(KernelEvent value)
    {
        lock (_gate)
        {
            switch (value)
            {
                case StandardOutputValueProduced stdout:
                    var text = FirstText(stdout);
                    ScanForKeyFigures(text);
                    AddText(OutputKind.StandardOutput, text);
                    break;
                case StandardErrorValueProduced stderr:
                    AddText(OutputKind.StandardError, FirstText(stderr));
                    break;
                case ErrorProduced error:
                    Failed = true;
                    AddSlot(new Slot(CellOutput.FromText(OutputKind.Error, error.Message, "Error")));
                    break;
                case ReturnValueProduced returned:
                    AddDisplay(new CellOutput(OutputKind.ReturnValue, Formatted(returned)), returned.ValueId);
                    break;
                case DisplayedValueUpdated updated when updated.ValueId is { } id && _displayByValueId.TryGetValue(id, out var slot):
                    slot.Output = new CellOutput(OutputKind.Display, Formatted(updated));
                    break;
                case DisplayEvent displayed:
                    AddDisplay(new CellOutput(OutputKind.Display, Formatted(displayed)), displayed.ValueId);
                    break;
                // A failing submission can report the failure of its parts and of itself; one error output is enough.
                case CommandFailed failed when !_commandFailed:
                    _commandFailed = true;
                    Failed = true;
                    AddSlot(new Slot(CellOutput.FromText(OutputKind.Error, failed.Message, ErrorName(failed))));
                    break;
            }
        }
    }

    public void OnError(Exception error) => Add(CellOutput.FromText(OutputKind.Error, error.Message, error.GetType().FullName));

    public void OnCompleted()
    {
    }

    private void AddDisplay(CellOutput output, string? valueId)
    {
        var size = output.Data.Values.Sum(v => (long)v.Length);
        if (_displayChars + size > MaxDisplayCharacters)
        {
            _droppedDisplays++;
            return;
        }

        _displayChars += size;
        var slot = new Slot(output);
        if (valueId is not null)
        {
            _displayByValueId[valueId] = slot;
        }

        AddSlot(slot);
    }

    private void AddSlot(Slot slot)
    {
        HasError |= slot.Output?.Kind == OutputKind.Error;
        if (_cutting)
        {
            _tail.AddLast(slot);
        }
        else
        {
            _head.Add(slot);
        }
    }

    private void AddText(OutputKind kind, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        _totalLines += text.AsSpan().Count('\n');
        if (!_cutting)
        {
            var room = _headLimit - _headChars;
            var taken = Math.Min(room, text.Length);
            if (taken == 0)
            {
                // The head is full: everything from here on goes to the tail.
            }
            else if (_head.Count > 0 && _head[^1].TextKind == kind)
            {
                _head[^1].Builder!.Append(text, 0, taken);
            }
            else
            {
                _head.Add(new Slot(kind, new StringBuilder(text, 0, taken, taken)));
            }

            _headChars += taken;
            if (taken == text.Length)
            {
                return;
            }

            _cutting = true;
            text = text[taken..];
        }

        _tail.AddLast(new Slot(kind, text));
        _tailChars += text.Length;
        TrimTail();
    }

    // Drops text from the front of the tail until it fits; each character is dropped at most once, so the cost stays
    // proportional to what the cell printed however it was chunked.
    private void TrimTail()
    {
        while (_tailChars > _tailLimit && _tail.First is { } node)
        {
            var slot = node.Value;
            if (!slot.IsText)
            {
                _tail.RemoveFirst();
                _middle.Add(slot);
                continue;
            }

            var available = slot.Chunk!.Length - _tailFrontOffset;
            var drop = (int)Math.Min(available, _tailChars - _tailLimit);
            _tailFrontOffset += drop;
            _tailChars -= drop;
            _cutChars += drop;
            if (_tailFrontOffset == slot.Chunk.Length)
            {
                _tail.RemoveFirst();
                _tailFrontOffset = 0;
            }
        }
    }

    private void ScanForKeyFigures(string text)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            if (!_lineTooLong)
            {
                if (_line.Length + (end - start) > MaxKeyFigureLine)
                {
                    _lineTooLong = true;
                    _line.Clear();
                }
                else
                {
                    _line.Append(text, start, end - start);
                }
            }

            if (newline < 0)
            {
                return;
            }

            if (!_lineTooLong && IsKeyFigureLine(_line))
            {
                _keyFigureLines.Add(_line.ToString().Trim());
            }

            _line.Clear();
            _lineTooLong = false;
            start = newline + 1;
        }
    }

    private static bool IsKeyFigureLine(StringBuilder line) => KeyFigure.IsKeyFigureLine(line.ToString());

    private static string ErrorName(CommandFailed failed) => failed.Exception switch
    {
        null => "Error",
        { } e when e.GetType().Name == "CodeSubmissionCompilationErrorException" => "CompilationError",
        { } e => e.GetType().FullName ?? "Error",
    };

    private static string FirstText(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == CellOutput.PlainText)?.Value
        ?? e.FormattedValues.FirstOrDefault()?.Value
        ?? "";

    private static Dictionary<string, string> Formatted(DisplayEvent e) =>
        e.FormattedValues
         .GroupBy(v => v.MimeType)
         .ToDictionary(g => g.Key, g => g.First().Value);

    // One output in the making: a run of stream text (a builder in the head, an immutable chunk in the tail) or a value.
    private sealed class Slot
    {
        public Slot(CellOutput output) => Output = output;

        public Slot(OutputKind kind, StringBuilder builder)
        {
            TextKind = kind;
            Builder = builder;
        }

        public Slot(OutputKind kind, string chunk)
        {
            TextKind = kind;
            Chunk = chunk;
        }

        public CellOutput? Output { get; set; }

        public OutputKind? TextKind { get; }

        public StringBuilder? Builder { get; }

        public string? Chunk { get; }

        public bool IsText => TextKind is not null;

        public CellOutput ToOutput(int offset) => TextKind is { } kind
            ? CellOutput.FromText(kind, Builder?.ToString() ?? Chunk![offset..])
            : Output!;
    }
}
