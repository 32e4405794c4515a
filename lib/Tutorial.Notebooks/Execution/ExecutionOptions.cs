namespace Tutorial.Notebooks.Execution;

/// <summary>How the engine runs a notebook.</summary>
public sealed record ExecutionOptions
{
    /// <summary>The default per-cell timeout: generous for a cold NuGet restore (~8 s) and the course's longest demos.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(120);

    /// <summary>How long one cell may run before it is abandoned and the kernel disposed.</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>The default <see cref="MaxOutputCharacters"/>: a page of output a person can still scroll through.</summary>
    public const int DefaultMaxOutputCharacters = 200_000;

    /// <summary>How much stream output (stdout and stderr) one cell keeps: past it, the first and the last half are kept
    /// and a line in between says how much was cut, so a runaway cell cannot exhaust memory or bury the site.</summary>
    public int MaxOutputCharacters { get; init; } = DefaultMaxOutputCharacters;

    /// <summary>The most memory (GC heap) one lesson's process may use when run by <see cref="IsolatedExecutor"/>; past it
    /// an allocation throws <see cref="OutOfMemoryException"/> inside the lesson. Null means half of this machine's memory.</summary>
    public long? MaxMemoryBytes { get; init; }

    /// <summary>Like "Run All" in an editor: later cells usually depend on earlier ones, so after a failure they are
    /// reported as not run instead of adding a cascade of follow-on errors. Set to false to run them anyway.</summary>
    public bool StopAtFirstFailure { get; init; } = true;
}
