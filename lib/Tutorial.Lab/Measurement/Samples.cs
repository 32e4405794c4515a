namespace Tutorial.Lab;

/// <summary>Repeated timings of the same thing, with the statistics that survive noise (median, not mean).</summary>
public sealed class Samples
{
    private readonly TimeSpan[] _sorted;

    /// <summary>Wraps measured durations.</summary>
    /// <param name="values">At least one duration.</param>
    /// <exception cref="ArgumentException">No values.</exception>
    public Samples(IEnumerable<TimeSpan> values)
        : this(values, window: null)
    {
    }

    // Measure's methods pass the window they measured in, so a key figure's verdict reads the machine's load during exactly
    // that time (see MachineLoad).
    internal Samples(IEnumerable<TimeSpan> values, MeasuredWindow? window)
    {
        Window = window;
        ArgumentNullException.ThrowIfNull(values);
        Values = [.. values];
        if (Values.Count == 0)
            throw new ArgumentException("At least one sample is needed.", nameof(values));
        _sorted = [.. Values.Order()];
    }

    /// <summary>When the samples were measured, and the CPU counters then; null for samples made from plain values.</summary>
    internal MeasuredWindow? Window { get; }

    /// <summary>The samples in the order they were measured.</summary>
    public IReadOnlyList<TimeSpan> Values { get; }

    /// <summary>The shortest sample.</summary>
    public TimeSpan Min => _sorted[0];

    /// <summary>The longest sample.</summary>
    public TimeSpan Max => _sorted[^1];

    /// <summary>The middle sample (mean of the two middle ones for an even count).</summary>
    public TimeSpan Median => Percentile(50);

    /// <summary>The <paramref name="percent"/>-th percentile, interpolated between neighbouring samples.</summary>
    /// <param name="percent">0 to 100.</param>
    /// <returns>The percentile.</returns>
    public TimeSpan Percentile(double percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var rank = percent / 100 * (_sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return _sorted[low] + (_sorted[high] - _sorted[low]) * (rank - low);
    }

    /// <summary>A one-line summary.</summary>
    /// <returns>For example <c>median 50.2 ms (min 50.0, max 51.9, n=21)</c>.</returns>
    public override string ToString() =>
        $"median {Median.TotalMilliseconds:F1} ms (min {Min.TotalMilliseconds:F1}, max {Max.TotalMilliseconds:F1}, n={Values.Count})";
}
