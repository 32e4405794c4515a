using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Tutorial.Benchmarks.Infrastructure;

/// <summary>
/// The job for latency benchmarks, whose one operation takes tens of milliseconds to seconds: one invocation per
/// iteration, a couple of warm-ups and a dozen measured iterations, instead of BenchmarkDotNet's default of
/// many invocations per iteration (which would take minutes per case and tell nothing more).
/// </summary>
/// <remarks>
/// When the command line names a job (<c>--job dry</c> for CI, <c>--job short</c>) that job is used instead, still with one
/// invocation per iteration: a class-level job would otherwise run in addition to the command-line one.
/// </remarks>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LatencyJobAttribute : Attribute, IConfigSource
{
    /// <summary>Creates the configuration.</summary>
    /// <param name="iterationCount">How many measured iterations (each one invocation).</param>
    public LatencyJobAttribute(int iterationCount = 12)
    {
        var oneInvocation = new Job("OneInvocation").WithInvocationCount(1).WithUnrollFactor(1).AsMutator();
        var config = ManualConfig.CreateEmpty().AddJob(oneInvocation);
        if (!BenchmarkSettings.CommandLineNamesJob)
            config.AddJob(new Job("Latency").WithWarmupCount(2).WithIterationCount(iterationCount));
        Config = config;
    }

    /// <inheritdoc />
    public IConfig Config { get; }
}
