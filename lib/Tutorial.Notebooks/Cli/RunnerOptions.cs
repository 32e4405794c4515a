namespace Tutorial.Notebooks.Cli;

/// <summary>The runner's command line, parsed and checked by <see cref="RunnerCommand"/>.</summary>
public sealed record RunnerOptions
{
    /// <summary>Lesson selectors (<c>01</c>, <c>worker-pool</c>); empty means every lesson.</summary>
    public IReadOnlyList<string> Lessons { get; init; } = [];

    /// <summary>Output folder; null means <c>artifacts/</c> under the repository root.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>Folder holding the <c>NN-name.ipynb</c> notebooks; null means <c>notebooks/</c> under the repository root.</summary>
    public string? NotebooksFolder { get; init; }

    /// <summary>Per-cell timeout.</summary>
    public TimeSpan CellTimeout { get; init; } = Execution.ExecutionOptions.DefaultCellTimeout;

    /// <summary>The most memory one lesson may use; null means half of this machine's memory.</summary>
    public long? MaxMemoryBytes { get; init; }

    /// <summary>False with <c>--no-site</c>.</summary>
    public bool RenderSite { get; init; } = true;

    /// <summary>True with <c>--apps-only</c>: export the lessons as file-based apps and run nothing.</summary>
    public bool AppsOnly { get; init; }
}
