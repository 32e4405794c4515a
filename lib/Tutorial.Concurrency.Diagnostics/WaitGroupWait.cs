namespace Tutorial.Concurrency.Diagnostics;

/// <summary>A goroutine parked in <see cref="WaitGroup.WaitAsync(CancellationToken)"/> or <see cref="WaitGroup.Wait"/>: Go's <c>[sync.WaitGroup.Wait]</c>.</summary>
internal sealed class WaitGroupWait(WaitGroup group, Task wait) : BlockingWait(GoroutineWaitKind.WaitGroupWait)
{
    // Read when the report is made, so it shows the counter that is stuck, not the one at the start of the wait.
    internal override string Target => $"WaitGroup (counter {group.Count})";

    internal override string Detail => $"wait until the WaitGroup counter (now {group.Count}) is zero - is a Done missing, or an Add too many?";

    internal override bool HasCompleted => wait.IsCompleted;

    internal void Watch(Goroutine goroutine)
    {
        Begin(goroutine);
        wait.ContinueWith(
            static (_, state) => ((WaitGroupWait)state!).End(),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
