using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests;

/// <summary>
/// Tests that measure wall-clock time: xunit runs this collection on its own, after the parallel ones, so the
/// measurements compete only with the machine, not with this assembly's stress tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing (not parallel)";
}
