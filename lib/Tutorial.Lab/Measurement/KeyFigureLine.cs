using System.Globalization;

namespace Tutorial.Lab;

// The one definition of a key-figure line, the contract between the library (which prints them), the lessons, the runner
// (which collects them into artifacts/key-figures.json) and the notebook tests (which assert their verdicts):
//
//   📌 <label>: <value>                                                        a fact with no model
//   📌 <label>: <value> <unit> · model: <derivation>, expect <range> · <verdict>
//
//   <range>   <lo>–<hi> <unit> (en dash) | ≤ <hi> <unit> | ≥ <lo> <unit> | = <v> <unit>
//   <verdict> ✅ agrees | ⚠️ busy: <why> | ❌ outside: <why>
//
// The runner compiles this very file (<Compile Include=... Link=...>), so it depends on nothing else in the library,
// stays internal (each assembly gets its own copy) and lives in a namespace the runner does not use.

/// <summary>One key-figure line, printed by the library and parsed by the runner; see the comment above for the format.</summary>
/// <param name="Label">What was measured; no <c>:</c>, no <c> · </c>, one line.</param>
/// <param name="ValueText">The value as printed: for a modelled figure the number; for a fact everything after the label.</param>
/// <param name="Number">The value's number (for a fact, its leading number when it has one).</param>
/// <param name="Unit">The unit, e.g. <c>ms</c>, <c>x</c>, <c>of 1000</c>; may be empty (for a fact, the text after the number).</param>
/// <param name="Derivation">Where the model's number comes from, e.g. <c>3 × 50 ms</c>; null for a fact.</param>
/// <param name="Low">The lowest value that agrees; null for a fact or an "at most" model.</param>
/// <param name="High">The highest value that agrees; null for a fact or an "at least" model.</param>
/// <param name="Verdict">What the figure says about its model; null for a fact.</param>
/// <param name="Reason">Why a figure is outside its range (after <c>busy:</c> or <c>outside:</c>); null when it agrees.</param>
internal sealed record KeyFigureLine(
    string Label,
    string ValueText,
    double? Number,
    string Unit,
    string? Derivation = null,
    double? Low = null,
    double? High = null,
    KeyFigureLine.VerdictMark? Verdict = null,
    string? Reason = null)
{
    /// <summary>The three verdicts a modelled figure can carry.</summary>
    internal enum VerdictMark
    {
        /// <summary><c>✅ agrees</c>: the value is inside the model's range.</summary>
        Agrees,

        /// <summary><c>⚠️ busy</c>: outside the range while the machine was measured busy.</summary>
        Busy,

        /// <summary><c>❌ outside</c>: outside the range on a quiet machine, or with no load reading.</summary>
        Outside,
    }

    public const string Marker = "📌 ";
    private const string ModelSeparator = " · model: ";
    private const string Separator = " · ";
    private const string Expect = ", expect ";
    private const string AgreesText = "✅ agrees";
    private const string BusyPrefix = "⚠️ busy: ";
    private const string BusyPrefixBare = "⚠ busy: "; // the same mark without the emoji variation selector
    private const string OutsidePrefix = "❌ outside: ";

    /// <summary>True for a figure with a model and a verdict, false for a plain fact.</summary>
    public bool IsModelled => Derivation is not null;

    /// <summary>A fact with no model: <c>📌 label: value</c>.</summary>
    public static KeyFigureLine Fact(string label, string valueText)
    {
        var (_, number, unit) = SplitLeadingNumber(valueText);
        return new KeyFigureLine(label, valueText, number, unit);
    }

    /// <summary>
    /// Rounds <paramref name="value"/> as it will be printed: integers stay integers; otherwise one decimal from 10 up,
    /// two from 1 up, two or three below. Verdicts compare the printed number, so a line never contradicts itself.
    /// </summary>
    public static string FormatNumber(double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException($"A key figure must be a finite number, got {value}.", nameof(value));
        var size = Math.Abs(value);
        var format = value == Math.Round(value) ? "0"
            : size >= 10 ? "0.0"
            : size >= 1 ? "0.00"
            : size >= 0.001 ? "0.00#"
            : "0.######";
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>A range bound as printed: at most three decimals, trailing zeros dropped.</summary>
    public static string FormatBound(double bound)
    {
        if (!double.IsFinite(bound))
            throw new ArgumentException($"A model's bound must be a finite number, got {bound}.", nameof(bound));
        var text = Math.Round(bound, 3).ToString("0.###", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>The printed range, e.g. <c>135–165 ms</c>, <c>≤ 5 ms</c>, <c>≥ 900 of 1000</c>, <c>= 3</c>.</summary>
    public string RangeText
    {
        get
        {
            var range = (Low, High) switch
            {
                ({ } lo, { } hi) when FormatBound(lo) == FormatBound(hi) => $"= {FormatBound(lo)}",
                ({ } lo, { } hi) => $"{FormatBound(lo)}–{FormatBound(hi)}",
                (null, { } hi) => $"≤ {FormatBound(hi)}",
                ({ } lo, null) => $"≥ {FormatBound(lo)}",
                _ => throw new InvalidOperationException($"Key figure '{Label}' has a model but no range: give it a low or a high bound."),
            };
            return Unit.Length == 0 ? range : $"{range} {Unit}";
        }
    }

    /// <summary>The whole line, starting with the marker.</summary>
    /// <exception cref="ArgumentException">A part would break the format (a colon in the label, a line break, a missing verdict...).</exception>
    public string Format()
    {
        RequireOneLine(Label, nameof(Label));
        if (Label.Contains(':') || Label.Contains(Separator, StringComparison.Ordinal) || Label != Label.Trim())
            throw new ArgumentException($"A key figure's label has no ':', no ' · ' and no surrounding spaces; got '{Label}'.", nameof(Label));
        RequireOneLine(ValueText, nameof(ValueText));
        if (!IsModelled)
        {
            if (ValueText.Contains(ModelSeparator, StringComparison.Ordinal) || ValueText != ValueText.Trim())
                throw new ArgumentException($"Key figure '{Label}': a fact's value has no ' · model: ' and no surrounding spaces; got '{ValueText}'.", nameof(ValueText));
            return $"{Marker}{Label}: {ValueText}";
        }

        if (Number is not { } number)
            throw new ArgumentException($"Key figure '{Label}' has a model, so its value must be a number.", nameof(Number));
        if (!TryNumber(ValueText, out var printed) || printed != number)
            throw new ArgumentException($"Key figure '{Label}': a modelled value is printed as a plain number equal to {number}, e.g. {FormatNumber(number)}; got '{ValueText}'.", nameof(ValueText));
        if (Unit.Contains('\n') || Unit.Contains(Separator, StringComparison.Ordinal) || Unit != Unit.Trim())
            throw new ArgumentException($"Key figure '{Label}': the unit '{Unit}' must be one line with no ' · '.", nameof(Unit));
        RequireOneLine(Derivation!, nameof(Derivation));
        if (Derivation!.Contains(Separator, StringComparison.Ordinal))
            throw new ArgumentException($"Key figure '{Label}': the model's derivation has no ' · '; got '{Derivation}'.", nameof(Derivation));
        var verdict = Verdict switch
        {
            VerdictMark.Agrees => AgreesText,
            VerdictMark.Busy => BusyPrefix + RequireReason(),
            VerdictMark.Outside => OutsidePrefix + RequireReason(),
            _ => throw new ArgumentException($"Key figure '{Label}' has a model but no verdict.", nameof(Verdict)),
        };
        return $"{Marker}{Label}: {(Unit.Length == 0 ? ValueText : $"{ValueText} {Unit}")}{ModelSeparator}{Derivation}{Expect}{RangeText}{Separator}{verdict}";
    }

    /// <summary>The line, as <see cref="Format"/> prints it.</summary>
    public override string ToString() => Format();

    /// <summary>Reads one line of output; leading spaces are allowed.</summary>
    /// <param name="line">The line.</param>
    /// <param name="figure">The key figure, when the line is one.</param>
    /// <returns>False for anything that is not a well-formed key figure (including a modelled line that is malformed).</returns>
    public static bool TryParse(string? line, out KeyFigureLine figure)
    {
        figure = null!;
        if (line is null)
            return false;
        line = line.TrimStart(' ', '\t').TrimEnd('\r', '\n', ' ', '\t');
        if (!line.StartsWith(Marker, StringComparison.Ordinal) || line.Contains('\n'))
            return false;
        var body = line[Marker.Length..];
        var colon = body.IndexOf(':');
        if (colon <= 0 || colon + 1 >= body.Length || body[colon + 1] != ' ')
            return false;
        var label = body[..colon];
        var rest = body[(colon + 2)..];
        if (label.Trim() != label || label.Contains(Separator, StringComparison.Ordinal) || rest.Trim().Length == 0)
            return false;

        var modelAt = rest.IndexOf(ModelSeparator, StringComparison.Ordinal);
        if (modelAt < 0)
        {
            figure = Fact(label, rest.Trim());
            return true;
        }

        // A modelled value is "<number>" or "<number> <unit>", exactly as Format prints it.
        var (valueText, number, unit) = SplitLeadingNumber(rest[..modelAt]);
        if (number is null || rest[..modelAt] != (unit.Length == 0 ? valueText : $"{valueText} {unit}"))
            return false;

        var afterModel = rest[(modelAt + ModelSeparator.Length)..];
        var verdictAt = new[] { " · ✅", " · ⚠", " · ❌" }
            .Select(mark => afterModel.IndexOf(mark, StringComparison.Ordinal))
            .Where(i => i >= 0)
            .DefaultIfEmpty(-1)
            .Min();
        if (verdictAt < 0)
            return false;
        var model = afterModel[..verdictAt];
        var verdictText = afterModel[(verdictAt + Separator.Length)..];
        var expectAt = model.LastIndexOf(Expect, StringComparison.Ordinal);
        if (expectAt <= 0)
            return false;
        var derivation = model[..expectAt];
        if (!TryParseRange(model[(expectAt + Expect.Length)..], unit, out var low, out var high))
            return false;

        VerdictMark verdict;
        string? reason = null;
        if (verdictText == AgreesText)
            verdict = VerdictMark.Agrees;
        else if (TryReason(verdictText, BusyPrefix, out reason) || TryReason(verdictText, BusyPrefixBare, out reason))
            verdict = VerdictMark.Busy;
        else if (TryReason(verdictText, OutsidePrefix, out reason))
            verdict = VerdictMark.Outside;
        else
            return false;

        figure = new KeyFigureLine(label, valueText, number, unit, derivation, low, high, verdict, reason);
        return true;
    }

    private static bool TryParseRange(string text, string unit, out double? low, out double? high)
    {
        low = high = null;
        if (unit.Length > 0)
        {
            if (!text.EndsWith(" " + unit, StringComparison.Ordinal))
                return false;
            text = text[..^(unit.Length + 1)];
        }
        if (text.StartsWith("≤ ", StringComparison.Ordinal))
            return TryNumber(text[2..], out high);
        if (text.StartsWith("≥ ", StringComparison.Ordinal))
            return TryNumber(text[2..], out low);
        if (text.StartsWith("= ", StringComparison.Ordinal))
        {
            var ok = TryNumber(text[2..], out low);
            high = low;
            return ok;
        }
        var dash = text.IndexOf('–');
        return dash > 0 && TryNumber(text[..dash], out low) && TryNumber(text[(dash + 1)..], out high) && low <= high;
    }

    private static bool TryNumber(string text, out double? number)
    {
        var ok = double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                 && text == text.Trim();
        number = ok ? value : null;
        return ok;
    }

    private static bool TryReason(string verdictText, string prefix, out string? reason)
    {
        reason = verdictText.StartsWith(prefix, StringComparison.Ordinal) ? verdictText[prefix.Length..].Trim() : null;
        return reason is { Length: > 0 };
    }

    // "201.3 ms" -> ("201.3", 201.3, "ms"); "2.9x" -> ("2.9", 2.9, "x"); "1000 of 1000" -> ("1000", 1000, "of 1000");
    // "fast" -> ("", null, "").
    private static (string NumberText, double? Number, string Unit) SplitLeadingNumber(string text)
    {
        text = text.Trim();
        var end = 0;
        if (end < text.Length && text[end] == '-')
            end++;
        var digitsFrom = end;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
            end++;
        if (end == digitsFrom)
            return ("", null, "");
        if (end + 1 < text.Length && text[end] == '.' && char.IsAsciiDigit(text[end + 1]))
        {
            end++;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
                end++;
        }
        return (text[..end], double.Parse(text[..end], CultureInfo.InvariantCulture), text[end..].Trim());
    }

    private string RequireReason() =>
        Reason is { } reason && reason.Trim().Length > 0 && !reason.Contains('\n')
            ? reason.Trim()
            : throw new ArgumentException($"Key figure '{Label}' is outside its model: its verdict needs a one-line reason.", nameof(Reason));

    private static void RequireOneLine(string text, string name)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Contains('\n') || text.Contains('\r'))
            throw new ArgumentException($"A key figure's {name} must be non-empty and on one line; got '{text}'.", name);
    }
}
