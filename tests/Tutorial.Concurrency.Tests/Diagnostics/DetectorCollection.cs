namespace Tutorial.Concurrency.Tests.Diagnostics;

/// <summary>
/// The detector reads the whole process (thread-pool queue and busy threads, timers), so other tests running beside a
/// GoProgram rightly keep it from reporting. Its tests therefore run alone, after the parallel ones, one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DetectorCollection
{
    public const string Name = "deadlock detector, alone";
}
