namespace Tutorial.Notebooks.Execution;

/// <summary>How the engine runs a notebook.</summary>
public sealed record ExecutionOptions
{
    /// <summary>The default per-cell timeout: generous for a cold NuGet restore (~8 s) and the course's longest demos.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(120);

    /// <summary>How long one cell may run before it is abandoned and the kernel disposed.</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>Like "Run All" in an editor: later cells usually depend on earlier ones, so after a failure they are
    /// reported as not run instead of adding a cascade of follow-on errors. Set to false to run them anyway.</summary>
    public bool StopAtFirstFailure { get; init; } = true;
}
