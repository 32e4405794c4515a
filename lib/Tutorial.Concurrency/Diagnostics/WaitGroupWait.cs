namespace Tutorial.Concurrency;

/// <summary>A goroutine parked in <see cref="WaitGroup.WaitAsync(CancellationToken)"/> or <see cref="WaitGroup.Wait"/>: Go's <c>[semacquire]</c>.</summary>
internal sealed class WaitGroupWait : BlockingWait
{
    private readonly WaitGroup _group;
    private readonly Task _zero;
    private readonly Task _wait;

    private WaitGroupWait(WaitGroup group, Task zero, Task wait)
        : base(GoroutineWaitKind.WaitGroupWait)
    {
        _group = group;
        _zero = zero;
        _wait = wait;
    }

    // Read when the report is made, so it shows the counter that is stuck, not the one at the start of the wait.
    internal override string Target => $"WaitGroup (counter {_group.Count})";

    internal override string Detail => $"wait until the WaitGroup counter (now {_group.Count}) is zero - is a Done missing, or an Add too many?";

    // The zero signal runs its continuations asynchronously, so it may have fired while our callback is still queued.
    internal override bool HasCompleted => _zero.IsCompleted || _wait.IsCompleted;

    /// <summary>Called by <see cref="WaitGroup.WaitAsync(CancellationToken)"/> for a wait that did not finish at once.</summary>
    /// <param name="group">The group waited on.</param>
    /// <param name="zero">The signal that the counter reached zero.</param>
    /// <param name="wait">The task handed to the caller.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    internal static void Watch(WaitGroup group, Task zero, Task wait, CancellationToken cancellationToken)
    {
        if (wait.IsCompleted || Goroutine.Current is null)
            return;
        var watched = new WaitGroupWait(group, zero, wait);
        watched.Begin(cancellationToken);
        wait.ContinueWith(
            static (_, state) => ((WaitGroupWait)state!).End(),
            watched,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
