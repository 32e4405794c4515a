using System.Collections.Concurrent;

namespace Tutorial.Concurrency.Tests;

/// <summary>
/// A synchronization context with one thread, like a UI thread: whatever is posted to it runs on that thread only,
/// so blocking that thread on async work that needs to come back to it deadlocks.
/// </summary>
internal sealed class SingleThreadContext : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();

    public SingleThreadContext()
    {
        Thread = new Thread(Loop) { IsBackground = true, Name = "single-thread context" };
        Thread.Start();
    }

    public Thread Thread { get; }

    public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

    public Task RunAsync(Action action)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(_ =>
        {
            try
            {
                action();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }, null);
        return done.Task;
    }

    public void Dispose() => _queue.CompleteAdding();

    private void Loop()
    {
        SetSynchronizationContext(this);
        foreach (var (callback, state) in _queue.GetConsumingEnumerable())
            callback(state);
    }
}
