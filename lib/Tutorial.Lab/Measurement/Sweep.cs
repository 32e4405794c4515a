using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Tutorial.Lab;

/// <summary>
/// The timings of a sweep from <see cref="Measure.SweepAsync"/>, one <see cref="Samples"/> per point, in the order the
/// points were given: <c>sweep[8].Median</c>, or <c>foreach (var (workers, samples) in sweep)</c>.
/// </summary>
/// <typeparam name="TPoint">What the sweep varied, e.g. the worker count.</typeparam>
public sealed class Sweep<TPoint> : IReadOnlyDictionary<TPoint, Samples>
    where TPoint : notnull
{
    private readonly List<KeyValuePair<TPoint, Samples>> _points;
    private readonly Dictionary<TPoint, Samples> _byPoint;

    internal Sweep(IEnumerable<KeyValuePair<TPoint, Samples>> points)
    {
        _points = [.. points];
        _byPoint = new Dictionary<TPoint, Samples>(_points);
    }

    /// <summary>The timings at <paramref name="point"/>.</summary>
    /// <param name="point">A point the sweep measured.</param>
    /// <exception cref="KeyNotFoundException">The sweep did not measure that point; the message lists the ones it did.</exception>
    public Samples this[TPoint point] => _byPoint.TryGetValue(point, out var samples)
        ? samples
        : throw new KeyNotFoundException($"The sweep measured {string.Join(", ", Keys)}, not {point}.");

    /// <summary>The points, in the order they were given.</summary>
    public IEnumerable<TPoint> Keys => _points.Select(p => p.Key);

    /// <summary>The timings, in the order of the points.</summary>
    public IEnumerable<Samples> Values => _points.Select(p => p.Value);

    /// <summary>How many points.</summary>
    public int Count => _points.Count;

    /// <summary>True when the sweep measured <paramref name="key"/>.</summary>
    /// <param name="key">A point.</param>
    /// <returns>Whether it was measured.</returns>
    public bool ContainsKey(TPoint key) => _byPoint.ContainsKey(key);

    /// <summary>Gets the timings at <paramref name="key"/>, if it was measured.</summary>
    /// <param name="key">A point.</param>
    /// <param name="value">Its timings.</param>
    /// <returns>Whether it was measured.</returns>
    public bool TryGetValue(TPoint key, [MaybeNullWhen(false)] out Samples value) => _byPoint.TryGetValue(key, out value);

    /// <summary>The points with their timings, in order.</summary>
    /// <returns>An enumerator.</returns>
    public IEnumerator<KeyValuePair<TPoint, Samples>> GetEnumerator() => _points.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One line per point.</summary>
    /// <returns>For example <c>1: median 400.3 ms (min 400.1, max 401.0, n=3)</c> on each line.</returns>
    public override string ToString() => string.Join(Environment.NewLine, _points.Select(p => $"{p.Key}: {p.Value}"));
}
