namespace Tutorial.Concurrency.Measurement;

/// <summary>
/// Prints a lesson's headline measurement on one recognisable line, <c>📌 label: value</c>. Learners read it as the answer to
/// "what did we just measure?"; the headless runner and the tests collect these lines into the course summary.
/// </summary>
public static class KeyFigure
{
    /// <summary>The marker every key-figure line starts with.</summary>
    public const string Marker = "📌 ";

    /// <summary>Prints <c>📌 label: value</c>.</summary>
    /// <param name="label">What was measured, e.g. <c>20 jobs / 5 workers</c>.</param>
    /// <param name="value">The measurement with its unit, e.g. <c>201.3 ms (ideal 200 ms)</c>.</param>
    public static void Print(string label, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (label.Contains(':') || label.Contains('\n') || value.Contains('\n'))
            throw new ArgumentException($"A key figure is one line and its label has no colon; got label '{label}'.", nameof(label));
        Console.WriteLine($"{Marker}{label}: {value}");
    }

    /// <summary>Prints a duration as a key figure in milliseconds with one decimal.</summary>
    /// <param name="label">What was measured.</param>
    /// <param name="duration">The measured duration.</param>
    public static void Print(string label, TimeSpan duration) =>
        Print(label, $"{duration.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} ms");

    /// <summary>Parses a key-figure line printed by <see cref="Print(string, string)"/>.</summary>
    /// <param name="line">One line of output.</param>
    /// <param name="label">The label, when the line is a key figure.</param>
    /// <param name="value">The value, when the line is a key figure.</param>
    /// <returns>True when the line is a key figure.</returns>
    public static bool TryParse(string line, out string label, out string value)
    {
        label = value = "";
        if (line is null || !line.StartsWith(Marker, StringComparison.Ordinal))
            return false;
        var body = line[Marker.Length..];
        var colon = body.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
            return false;
        label = body[..colon];
        value = body[(colon + 2)..].TrimEnd();
        return value.Length > 0;
    }
}
