namespace Tutorial.Lab;

/// <summary>
/// What a lesson predicts a measurement will be, with where the prediction comes from: "about 150 ms, because 3 × 50 ms",
/// "at most 5 ms", "between 900 and 1000 refused". <see cref="KeyFigure.Check(string, double, Model)"/> prints the measured
/// value beside it with a verdict. The range is the acceptance interval the verdict uses, printed so the learner sees
/// exactly what "agrees" means.
/// </summary>
/// <example><code>KeyFigure.Check("sequential, 3 x 50 ms", sequential.Median, Model.About(150, "ms", "3 × 50 ms", tolerance: 0.10));</code></example>
public sealed class Model
{
    private Model(double? low, double? high, string unit, string derivation)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentException.ThrowIfNullOrWhiteSpace(derivation);
        if (unit != unit.Trim() || unit.Contains('\n') || unit.Contains(" · ", StringComparison.Ordinal))
            throw new ArgumentException($"A model's unit is short text with no ' · ' and no surrounding spaces, e.g. \"ms\" or \"of 1000\"; got '{unit}'.", nameof(unit));
        if (derivation.Contains('\n') || derivation.Contains(" · ", StringComparison.Ordinal))
            throw new ArgumentException($"A model's derivation is one line with no ' · ', e.g. \"ceil(20/5) × 50 ms\"; got '{derivation}'.", nameof(derivation));
        foreach (var bound in new[] { low, high })
            if (bound is { } b && !double.IsFinite(b))
                throw new ArgumentException($"A model's bounds must be finite numbers; got {b}.");
        // Bounds are kept as they are printed (three decimals at most), so the verdict and the printed range always agree.
        Low = low is { } lo ? Math.Round(lo, 3) : null;
        High = high is { } hi ? Math.Round(hi, 3) : null;
        if (Low > High)
            throw new ArgumentException($"A model's low bound ({Low}) cannot be above its high bound ({High}).");
        Unit = unit;
        Derivation = derivation.Trim();
    }

    /// <summary>The lowest value that agrees with the model; null for "at most".</summary>
    public double? Low { get; }

    /// <summary>The highest value that agrees with the model; null for "at least".</summary>
    public double? High { get; }

    /// <summary>The unit the value is given in, e.g. <c>ms</c>, <c>x</c>, <c>of 1000</c>; may be empty for a plain count.</summary>
    public string Unit { get; }

    /// <summary>Where the expectation comes from, e.g. <c>ceil(20/5) × 50 ms</c>.</summary>
    public string Derivation { get; }

    /// <summary>
    /// About <paramref name="expected"/>, give or take <paramref name="tolerance"/> of it (0.10 = ±10%) and never less than
    /// <paramref name="floor"/> either way: a 2 ms expectation with ±10% would demand ±0.2 ms, finer than a timer can keep.
    /// </summary>
    /// <param name="expected">The model's value.</param>
    /// <param name="unit">Its unit, e.g. <c>ms</c>.</param>
    /// <param name="derivation">Where <paramref name="expected"/> comes from, e.g. <c>3 × 50 ms</c>.</param>
    /// <param name="tolerance">The relative half-width of the range, e.g. 0.10 for ±10%.</param>
    /// <param name="floor">The smallest absolute half-width, in <paramref name="unit"/>.</param>
    /// <returns>The range <c>expected ± max(tolerance × |expected|, floor)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative tolerance or floor.</exception>
    public static Model About(double expected, string unit, string derivation, double tolerance, double floor = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        ArgumentOutOfRangeException.ThrowIfNegative(floor);
        var slack = Math.Max(tolerance * Math.Abs(expected), floor);
        return new Model(expected - slack, expected + slack, unit, derivation);
    }

    /// <summary>About <paramref name="expected"/> (see <see cref="About(double, string, string, double, double)"/>), in milliseconds.</summary>
    /// <param name="expected">The model's duration.</param>
    /// <param name="derivation">Where it comes from.</param>
    /// <param name="tolerance">The relative half-width, e.g. 0.10 for ±10%.</param>
    /// <param name="floor">The smallest absolute half-width.</param>
    /// <returns>The range, in ms.</returns>
    public static Model About(TimeSpan expected, string derivation, double tolerance, TimeSpan floor = default) =>
        About(expected.TotalMilliseconds, "ms", derivation, tolerance, floor.TotalMilliseconds);

    /// <summary>From <paramref name="low"/> to <paramref name="high"/>, both included.</summary>
    /// <param name="low">The lowest value that agrees.</param>
    /// <param name="high">The highest value that agrees.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="derivation">Why this range.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException"><paramref name="low"/> is above <paramref name="high"/>.</exception>
    public static Model Between(double low, double high, string unit, string derivation) => new(low, high, unit, derivation);

    /// <summary>From <paramref name="low"/> to <paramref name="high"/>, in milliseconds.</summary>
    /// <param name="low">The shortest duration that agrees.</param>
    /// <param name="high">The longest duration that agrees.</param>
    /// <param name="derivation">Why this range.</param>
    /// <returns>The model.</returns>
    public static Model Between(TimeSpan low, TimeSpan high, string derivation) =>
        Between(low.TotalMilliseconds, high.TotalMilliseconds, "ms", derivation);

    /// <summary>No more than <paramref name="high"/>, e.g. "the sender does not wait: at most 5 ms".</summary>
    /// <param name="high">The highest value that agrees.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="derivation">Why.</param>
    /// <returns>The model.</returns>
    public static Model AtMost(double high, string unit, string derivation) => new(null, high, unit, derivation);

    /// <summary>No more than <paramref name="high"/>, in milliseconds.</summary>
    /// <param name="high">The longest duration that agrees.</param>
    /// <param name="derivation">Why.</param>
    /// <returns>The model.</returns>
    public static Model AtMost(TimeSpan high, string derivation) => AtMost(high.TotalMilliseconds, "ms", derivation);

    /// <summary>At least <paramref name="low"/>, e.g. "a precise wait never ends early: at least 50 ms".</summary>
    /// <param name="low">The lowest value that agrees.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="derivation">Why.</param>
    /// <returns>The model.</returns>
    public static Model AtLeast(double low, string unit, string derivation) => new(low, null, unit, derivation);

    /// <summary>At least <paramref name="low"/>, in milliseconds.</summary>
    /// <param name="low">The shortest duration that agrees.</param>
    /// <param name="derivation">Why.</param>
    /// <returns>The model.</returns>
    public static Model AtLeast(TimeSpan low, string derivation) => AtLeast(low.TotalMilliseconds, "ms", derivation);

    /// <summary>Exactly <paramref name="value"/>, e.g. "results when main returned after waiting: 3 of 3".</summary>
    /// <param name="value">The only value that agrees.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="derivation">Why.</param>
    /// <returns>The model.</returns>
    public static Model Exactly(double value, string unit, string derivation) => new(value, value, unit, derivation);

    /// <summary>True when <paramref name="value"/> (as printed) lies in the range.</summary>
    internal bool Contains(double value)
    {
        var printed = double.Parse(KeyFigureLine.FormatNumber(value), System.Globalization.CultureInfo.InvariantCulture);
        return (Low is not { } lo || printed >= lo) && (High is not { } hi || printed <= hi);
    }

    /// <summary>The model as a key-figure line shows it.</summary>
    /// <returns>For example <c>3 × 50 ms, expect 135–165 ms</c>.</returns>
    public override string ToString() =>
        $"{Derivation}, expect {new KeyFigureLine("model", "0", 0, Unit, Derivation, Low, High).RangeText}";
}
