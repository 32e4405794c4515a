using Tutorial.Lab;

namespace Tutorial.Notebooks.Execution;

/// <summary>What a key figure says about its model.</summary>
public enum KeyFigureVerdict
{
    /// <summary>A fact with no model (<c>📌 label: value</c>), e.g. the number of cores.</summary>
    NoModel,

    /// <summary><c>✅ agrees</c>: inside the model's range.</summary>
    Agrees,

    /// <summary><c>⚠️ busy</c>: outside the range while the machine was measured busy.</summary>
    Busy,

    /// <summary><c>❌ outside</c>: outside the range on a quiet machine, or with no load reading.</summary>
    Outside,

    /// <summary>The line starts with the marker but does not follow the key-figure format.</summary>
    Unreadable,
}

/// <summary>A headline measurement a lesson printed as a key-figure line (<c>📌 label: value</c>, or with a model and a
/// verdict: <c>📌 label: value unit · model: derivation, expect range · verdict</c>).</summary>
/// <param name="CellNumber">The cell that printed it.</param>
/// <param name="Text">The line without the marker.</param>
/// <param name="Label">What was measured.</param>
/// <param name="Value">The value as printed (number and unit for a modelled figure, the whole text for a fact).</param>
/// <param name="Number">The value's number, when it has one.</param>
/// <param name="Unit">The unit, possibly empty.</param>
/// <param name="Model">The model's derivation, e.g. <c>3 × 50 ms</c>; null for a fact.</param>
/// <param name="Low">The lowest value that agrees with the model, when the model has one.</param>
/// <param name="High">The highest value that agrees with the model, when the model has one.</param>
/// <param name="Verdict">What the figure says about its model.</param>
/// <param name="Reason">Why it is outside its range (busy, outside), or why the line is unreadable.</param>
public sealed record KeyFigure(
    int CellNumber,
    string Text,
    string Label,
    string Value,
    double? Number,
    string Unit,
    string? Model,
    double? Low,
    double? High,
    KeyFigureVerdict Verdict,
    string? Reason)
{
    /// <summary>The marker that starts a key-figure line: the library's (<c>KeyFigureLine.Marker</c>) without its space.</summary>
    public static readonly string Marker = KeyFigureLine.Marker.TrimEnd();

    /// <summary>True for a line of output that starts with the marker (after leading spaces): a key figure, or one that
    /// breaks the format. The space after the marker is not required here, so that <c>📌x: 1</c> is reported as
    /// unreadable instead of being silently ignored.</summary>
    /// <param name="line">One line of output.</param>
    public static bool IsKeyFigureLine(string line) => line.AsSpan().TrimStart(" \t").StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>True when the figure declares a model (and so carries a verdict).</summary>
    public bool HasModel => Model is not null;

    /// <summary>The acceptance range as printed, e.g. <c>135–165 ms</c>; empty for a fact.</summary>
    public string RangeText => (Low, High) switch
    {
        (null, null) => "",
        _ => new KeyFigureLine(Label, Value, Number, Unit, Model, Low, High).RangeText,
    };

    /// <summary>The verdict as a short word with its mark: <c>✅ agrees</c>, <c>⚠️ busy</c>, <c>❌ outside</c>,
    /// <c>no model</c>, or <c>unreadable</c>.</summary>
    public string VerdictText => Verdict switch
    {
        KeyFigureVerdict.Agrees => "✅ agrees",
        KeyFigureVerdict.Busy => "⚠️ busy",
        KeyFigureVerdict.Outside => "❌ outside",
        KeyFigureVerdict.Unreadable => "❌ unreadable",
        _ => "no model",
    };

    /// <summary>Reads one key-figure line printed by cell <paramref name="cellNumber"/>, with the parser the library's
    /// <c>KeyFigure</c> prints with (the same source file is compiled into both).</summary>
    /// <param name="cellNumber">The cell that printed it.</param>
    /// <param name="line">The line, starting with the marker (leading spaces allowed).</param>
    /// <returns>The figure; a line that starts with the marker but breaks the format is <see cref="KeyFigureVerdict.Unreadable"/>.</returns>
    public static KeyFigure Parse(int cellNumber, string line)
    {
        var trimmed = line.Trim();
        var text = trimmed.StartsWith(Marker, StringComparison.Ordinal) ? trimmed[Marker.Length..].Trim() : trimmed;
        if (!KeyFigureLine.TryParse(trimmed, out var figure))
        {
            return new KeyFigure(cellNumber, text, text, "", null, "", null, null, null, KeyFigureVerdict.Unreadable,
                "not a key-figure line: '📌 label: value', or '📌 label: value unit · model: derivation, expect range · verdict'");
        }

        var verdict = figure.Verdict switch
        {
            KeyFigureLine.VerdictMark.Agrees => KeyFigureVerdict.Agrees,
            KeyFigureLine.VerdictMark.Busy => KeyFigureVerdict.Busy,
            KeyFigureLine.VerdictMark.Outside => KeyFigureVerdict.Outside,
            _ => KeyFigureVerdict.NoModel,
        };
        var value = figure.IsModelled && figure.Unit.Length > 0 ? $"{figure.ValueText} {figure.Unit}" : figure.ValueText;
        return new KeyFigure(cellNumber, text, figure.Label, value, figure.Number, figure.Unit, figure.Derivation, figure.Low, figure.High, verdict, figure.Reason);
    }

    /// <summary>The line as the lesson printed it, without the marker.</summary>
    /// <returns><c>label: value ...</c>.</returns>
    public override string ToString() => Text;
}
