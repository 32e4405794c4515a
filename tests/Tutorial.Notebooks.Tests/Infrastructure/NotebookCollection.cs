namespace Tutorial.Notebooks.Tests.Infrastructure;

/// <summary>Every test that executes a notebook belongs to this collection. Executing a notebook changes the
/// process-wide working directory, and two kernels at once would also make timings meaningless on a 2-core machine,
/// so these tests run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection
{
    /// <summary>The collection name to put in <c>[Collection(NotebookCollection.Name)]</c>.</summary>
    public const string Name = "Notebooks (sequential)";
}
