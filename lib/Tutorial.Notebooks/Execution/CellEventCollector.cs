using Microsoft.DotNet.Interactive.Events;

namespace Tutorial.Notebooks.Execution;

/// <summary>Turns the kernel's events for one cell into <see cref="CellOutput"/>s, and remembers whether the cell failed.</summary>
/// <remarks>It observes the kernel's live event stream rather than the final command result so that a cell that
/// times out still shows what it printed before it hung.</remarks>
internal sealed class CellEventCollector : IObserver<KernelEvent>
{
    private readonly Lock _gate = new();
    private readonly List<CellOutput> _outputs = [];
    // Display updates (a #r "nuget:" progress line, an updated chart) replace the output they update, as in an editor.
    private readonly Dictionary<string, int> _displayIndexByValueId = [];

    private bool _commandFailed;

    public bool Failed { get; private set; }

    public IReadOnlyList<CellOutput> Snapshot()
    {
        lock (_gate)
        {
            return _outputs.ToList();
        }
    }

    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            _outputs.Add(output);
        }
    }

    public void OnNext(KernelEvent value)
    {
        lock (_gate)
        {
            switch (value)
            {
                case StandardOutputValueProduced stdout:
                    _outputs.Add(CellOutput.FromText(OutputKind.StandardOutput, FirstText(stdout)));
                    break;
                case StandardErrorValueProduced stderr:
                    _outputs.Add(CellOutput.FromText(OutputKind.StandardError, FirstText(stderr)));
                    break;
                case ErrorProduced error:
                    Failed = true;
                    _outputs.Add(CellOutput.FromText(OutputKind.Error, error.Message, "Error"));
                    break;
                case ReturnValueProduced returned:
                    _outputs.Add(new CellOutput(OutputKind.ReturnValue, Formatted(returned)));
                    break;
                case DisplayedValueUpdated updated when updated.ValueId is { } id && _displayIndexByValueId.TryGetValue(id, out var index):
                    _outputs[index] = new CellOutput(OutputKind.Display, Formatted(updated));
                    break;
                case DisplayEvent displayed:
                    if (displayed.ValueId is { } valueId)
                    {
                        _displayIndexByValueId[valueId] = _outputs.Count;
                    }

                    _outputs.Add(new CellOutput(OutputKind.Display, Formatted(displayed)));
                    break;
                // A failing submission can report the failure of its parts and of itself; one error output is enough.
                case CommandFailed failed when !_commandFailed:
                    _commandFailed = true;
                    Failed = true;
                    _outputs.Add(CellOutput.FromText(OutputKind.Error, failed.Message, ErrorName(failed)));
                    break;
            }
        }
    }

    public void OnError(Exception error) => Add(CellOutput.FromText(OutputKind.Error, error.Message, error.GetType().FullName));

    public void OnCompleted()
    {
    }

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
}
