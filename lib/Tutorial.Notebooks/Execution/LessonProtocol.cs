using System.Text.Json;
using System.Text.Json.Serialization;
using Tutorial.Notebooks.Documents;

namespace Tutorial.Notebooks.Execution;

// What the runner and a lesson's child process say to each other. The child first warms up the C# compiler in a
// throwaway kernel and says Ready; then the request goes to its stdin as one JSON document; the child answers with one event per line on stdout, each line starting with the request's nonce so that
// anything else that reaches stdout (a tool a cell started) is told apart and ignored. The child sends a cell's whole
// result as soon as the cell ends, so whatever kills the process later, everything up to that point is kept.

internal sealed record LessonRequest(
    string NotebookPath,
    double CellTimeoutSeconds,
    int MaxOutputCharacters,
    IReadOnlyList<FollowUp> FollowUps,
    string Nonce);

internal sealed record WireOutput(OutputKind Kind, Dictionary<string, string> Data, string? ErrorName)
{
    public static WireOutput From(CellOutput output) => new(output.Kind, output.Data.ToDictionary(), output.ErrorName);

    public CellOutput ToOutput() => new(Kind, Data, ErrorName);
}

internal sealed record WireCell(int Number, CellStatus Status, double DurationMs, List<WireOutput> Outputs, int ExecutionCount, List<string> KeyFigureLines)
{
    public static WireCell From(CellResult result) =>
        new(result.Number, result.Status, result.Duration.TotalMilliseconds, [.. result.Outputs.Select(WireOutput.From)], result.ExecutionCount, [.. result.KeyFigureLines]);

    public CellResult ToResult(NotebookCell cell) =>
        new(cell, Status, TimeSpan.FromMilliseconds(DurationMs), [.. Outputs.Select(o => o.ToOutput())], ExecutionCount, KeyFigureLines);
}

internal enum WireEventKind
{
    Ready,
    CellStarting,
    CellFinished,
    Done,
}

internal sealed record WireEvent(WireEventKind Kind, int Cell = 0, WireCell? Result = null, double DurationMs = 0);

internal static class LessonProtocol
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string EventLine(string nonce, WireEvent e) => $"{nonce} {JsonSerializer.Serialize(e, Json)}";

    public static bool TryReadEvent(string nonce, string line, out WireEvent wireEvent)
    {
        wireEvent = null!;
        var at = line.IndexOf(nonce + " ", StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        try
        {
            wireEvent = JsonSerializer.Deserialize<WireEvent>(line.AsSpan(at + nonce.Length + 1), Json)!;
            return wireEvent is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
