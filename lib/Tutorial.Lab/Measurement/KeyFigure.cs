namespace Tutorial.Lab;

/// <summary>
/// Prints a lesson's headline measurement on one recognisable line. A figure the lesson's text interprets is printed with
/// its model and a verdict, so a number never contradicts the prose without saying why:
/// <code>📌 sequential, 3 x 50 ms: 150.4 ms · model: 3 × 50 ms, expect 135–165 ms · ✅ agrees</code>
/// A figure outside its range says whether this machine was busy while it was measured (read from the operating system,
/// not guessed) and what to do. The headless runner and the course's tests collect these lines.
/// </summary>
public static class KeyFigure
{
    /// <summary>The marker every key-figure line starts with.</summary>
    public const string Marker = KeyFigureLine.Marker;

    /// <summary>Prints a fact with no model, <c>📌 label: value</c>, e.g. the number of cores.</summary>
    /// <param name="label">What it is, e.g. <c>logical cores</c>; no colon.</param>
    /// <param name="value">The value with its unit, e.g. <c>2</c>.</param>
    /// <exception cref="ArgumentException">The label has a colon or a <c> · </c>, or either part is empty or spans lines.</exception>
    public static void Print(string label, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var line = KeyFigureLine.Fact(label, value).Format();
        MachineLoad.Shared.FigurePrinted();
        Console.WriteLine(line);
    }

    /// <summary>Prints a duration as a fact in milliseconds, e.g. <c>📌 one job: 50.2 ms</c>.</summary>
    /// <param name="label">What was measured.</param>
    /// <param name="duration">The measured duration.</param>
    public static void Print(string label, TimeSpan duration) =>
        Print(label, $"{KeyFigureLine.FormatNumber(duration.TotalMilliseconds)} ms");

    /// <summary>
    /// Prints <paramref name="value"/> beside its <paramref name="model"/> with a verdict, and returns the verdict:
    /// <c>✅ agrees</c> inside the model's range; outside it, <c>⚠️ busy</c> when other processes were measured using at
    /// least 15% of the cores on average (0.3 of 2), or half of them for 200 ms or more, while it was measured, else
    /// <c>❌ outside</c>. A duration (a model in <c>ms</c>) below its model is always <c>❌ outside</c>: load only slows
    /// timings down. A gap between two events (a model in <c>ms apart</c>) is not a duration: load that delays the first
    /// event shortens it, so it keeps the busy verdict. The window is the time since the previous key figure or the start of the latest
    /// <see cref="Measure"/> call, whichever is earlier, kept between 0.5 and 10 s.
    /// </summary>
    /// <param name="label">What was measured, e.g. <c>sequential, 3 x 50 ms</c>; no colon.</param>
    /// <param name="value">The measured value, in the model's unit.</param>
    /// <param name="model">What the lesson predicts, e.g. <c>Model.About(150, "ms", "3 × 50 ms", tolerance: 0.10)</c>.</param>
    /// <returns>The verdict, so a lesson can say more when the figure is off.</returns>
    public static Verdict Check(string label, double value, Model model) =>
        Emit(Judge(label, value, model, () => MachineLoad.Shared.SinceLastFigure()));

    /// <summary>Prints a duration in milliseconds beside its model (see <see cref="Check(string, double, Model)"/>).</summary>
    /// <param name="label">What was measured.</param>
    /// <param name="value">The measured duration.</param>
    /// <param name="model">A model in <c>ms</c>, e.g. <c>Model.About(TimeSpan.FromMilliseconds(150), "3 × 50 ms", 0.10)</c>.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentException">The model is not in milliseconds.</exception>
    public static Verdict Check(string label, TimeSpan value, Model model) =>
        Check(label, Milliseconds(value, model), model);

    /// <summary>
    /// Prints the median of <paramref name="samples"/> in milliseconds beside its model; the verdict reads the load during
    /// exactly the time the samples were measured (see <see cref="Check(string, double, Model)"/>).
    /// </summary>
    /// <param name="label">What was measured.</param>
    /// <param name="samples">Timings from <see cref="Measure.RepeatAsync"/> or a point of a <see cref="Sweep{TPoint}"/>.</param>
    /// <param name="model">A model in <c>ms</c>.</param>
    /// <returns>The verdict.</returns>
    public static Verdict Check(string label, Samples samples, Model model)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var value = Milliseconds(samples.Median, model);
        Func<LoadReading?> load = samples.Window is { } window
            ? () => MachineLoad.Shared.During(window)
            : () => MachineLoad.Shared.SinceLastFigure();
        return Emit(Judge(label, value, model, load));
    }

    private static Verdict Emit(KeyFigureLine line)
    {
        var text = line.Format();
        MachineLoad.Shared.FigurePrinted();
        Console.WriteLine(text);
        return line.Verdict switch
        {
            KeyFigureLine.VerdictMark.Agrees => Verdict.Agrees,
            KeyFigureLine.VerdictMark.Busy => Verdict.Busy,
            _ => Verdict.Outside,
        };
    }

    /// <summary>The verdict logic with the load reading injected (tests use it): the load is read only when the value is outside the range.</summary>
    internal static KeyFigureLine Judge(string label, double value, Model model, Func<LoadReading?> load)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(load);
        var text = KeyFigureLine.FormatNumber(value); // throws for NaN and infinities
        var number = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var line = new KeyFigureLine(label, text, number, model.Unit, model.Derivation, model.Low, model.High, KeyFigureLine.VerdictMark.Agrees);
        if (model.Contains(value))
            return line;

        var below = model.Low is { } low && number < low;
        var side = below ? "below the model" : "above the model";
        // Other programs on the cores only ever slow a timing down: a duration below its model is no sign of load, so it
        // gets no "busy" excuse (the model, or the code, is wrong). Counts, ratios and gaps between events ("ms apart": a
        // late first event shortens the gap) can move either way under load.
        if (below && model.Unit == "ms")
        {
            return line with
            {
                Verdict = KeyFigureLine.VerdictMark.Outside,
                Reason = $"{side}: load can only slow a timing down, so this is unexpected: rerun the cell, and if it stays outside, the code or the model is wrong",
            };
        }
        return load() switch
        {
            { IsBusy: true } busy => line with { Verdict = KeyFigureLine.VerdictMark.Busy, Reason = $"{side}: {busy.Describe()}; rerun the cell" },
            { } quiet => line with
            {
                Verdict = KeyFigureLine.VerdictMark.Outside,
                Reason = $"{side} on a quiet machine ({quiet.Describe()}); unexpected: rerun the cell, and if it stays outside, the code or the model is wrong",
            },
            null => line with { Verdict = KeyFigureLine.VerdictMark.Outside, Reason = $"{side}; no load reading on this OS; rerun the cell" },
        };
    }

    private static double Milliseconds(TimeSpan value, Model model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Unit != "ms")
            throw new ArgumentException($"A duration is printed in ms, but the model is in '{model.Unit}': build it with a TimeSpan or the unit \"ms\".", nameof(model));
        return value.TotalMilliseconds;
    }
}
