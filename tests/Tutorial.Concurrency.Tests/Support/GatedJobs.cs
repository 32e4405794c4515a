using System.Collections.Concurrent;

namespace Tutorial.Concurrency.Tests;

/// <summary>
/// Work whose jobs each announce that they started and then wait until the test releases them, so a test can put a
/// pool into an exact state (these jobs running, those queued) without guessing with sleeps.
/// </summary>
internal sealed class GatedJobs
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _started = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _release = new();

    public Task Started(int input) => Gate(_started, input).Task;

    public void Release(int input) => Gate(_release, input).TrySetResult();

    public void ReleaseAll(IEnumerable<int> inputs)
    {
        foreach (var input in inputs)
            Release(input);
    }

    public bool HasStarted(int input) => _started.TryGetValue(input, out var started) && started.Task.IsCompleted;

    /// <summary>The job: announces itself, waits for its release (or the pool's cancellation), returns its input.</summary>
    public async ValueTask<int> Work(int input, CancellationToken cancellationToken)
    {
        Gate(_started, input).TrySetResult();
        await Gate(_release, input).Task.WaitAsync(cancellationToken);
        return input;
    }

    private static TaskCompletionSource Gate(ConcurrentDictionary<int, TaskCompletionSource> gates, int input) =>
        gates.GetOrAdd(input, static _ => Safety.NewGate());
}
