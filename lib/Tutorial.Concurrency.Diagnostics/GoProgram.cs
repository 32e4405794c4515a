namespace Tutorial.Concurrency.Diagnostics;

/// <summary>
/// Runs a small concurrent program under watch, the way the Go runtime does: if every goroutine ends up parked on a
/// channel or WaitGroup and nothing at all can run any more, the run fails with Go's
/// <c>fatal error: all goroutines are asleep - deadlock!</c> and a goroutine dump, instead of waiting forever.
/// </summary>
/// <remarks>
/// <para>Inside <see cref="RunAsync(Func{GoProgram, Task}, GoProgramOptions?, CancellationToken)"/> the code stays ordinary
/// .NET code: <see cref="Chan.Make{T}(int, string?)"/> returns a normal <see cref="System.Threading.Channels.Channel{T}"/>
/// (one that reports its waits), <see cref="WaitGroup.Go(Func{Task})"/>, <see cref="FanOut"/>, <see cref="FanIn"/> and
/// <see cref="WorkerPool"/> start watched goroutines, and <see cref="WaitGroup.WaitAsync(CancellationToken)"/> reports its
/// wait. <see cref="Go(string, Func{Task})"/> is Go's <c>go</c> statement. Code outside a program is not affected.</para>
/// <para><b>Go's rule, kept.</b> Go reports a deadlock only when no goroutine can ever run again; a program with one more
/// live goroutine (a ticker, a listener, a sleeping worker) hangs silently in Go too. So this detector reports only when,
/// for a grace period (<see cref="GoProgramOptions.GracePeriod"/>) and a confirming second look, all of these hold: every
/// goroutine still alive is parked on a watched channel operation or WaitGroup wait; no code of the program is running on
/// any thread; no work is queued on the thread pool and no thread-pool thread is busy (apart from the detector's own);
/// no timer is pending beyond those that existed when the program started (a <c>Task.Delay</c>, a
/// <see cref="Timer"/> callback, a token with a timeout could all still wake a goroutine); and nothing else has announced
/// a pending wake-up (the lab's precise waits do). When it cannot tell, it does not report.</para>
/// <para><b>What it cannot see</b>, and so never reports on: code blocked outside the thread pool and outside the program
/// (a dedicated thread, a native callback), I/O in flight that a goroutine raced against a channel with
/// <c>Task.WhenAny</c>, a <see cref="CancellationToken"/> that code outside the process state (a button, a signal) will
/// cancel, a timer made during the run by code outside the program. A goroutine blocked on a lock, in
/// <c>Thread.Sleep</c> or on any unwatched task counts as running (Go does report a deadlock on a mutex; this detector
/// misses it). While other work keeps the process busy (other programs, tests in parallel), a report waits until it is
/// quiet. Missing a deadlock is the accepted cost; a false report is not. <see cref="GoProgramOptions.Timeout"/> is the
/// fallback for everything it cannot see.</para>
/// <para>Like Go, the program ends when main returns; goroutines still running are no longer watched (.NET cannot stop
/// them: they see <see cref="CancellationToken"/> cancelled). A goroutine started with <see cref="Go(string, Func{Task})"/>
/// that throws ends the run with a <see cref="GoroutinePanicException"/>, like Go's panic.</para>
/// <para><b>Cost</b>: outside a program each hook is a static read and one volatile read. Inside, an operation that has to
/// wait allocates a small object and takes the program's lock twice; no thread or timer runs while the program makes
/// progress (the grace timer is armed only when the last goroutine parks). Measure performance unwatched.</para>
/// </remarks>
public sealed partial class GoProgram
{
    private readonly GoProgramOptions _options;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskCompletionSource _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The detector attaches itself to the library the first time a program is made; the library never refers to it.
    static GoProgram() => _ = ProgramWatcher.Instance;

    private GoProgram(GoProgramOptions options)
    {
        _options = options;
        CancellationToken = _cancellation.Token;
        // Timers made with the caller's execution context would run their callbacks "inside" a goroutine.
        using (ExecutionContext.SuppressFlow())
        {
            _graceTimer = new Timer(static state => ((GoProgram)state!).OnGracePeriodElapsed(), this, Timeout.Infinite, Timeout.Infinite);
            if (options.Timeout != Timeout.InfiniteTimeSpan)
                _timeoutTimer = new Timer(static state => ((GoProgram)state!).OnTimeout(), this, Timeout.Infinite, Timeout.Infinite);
        }
    }

    // The program the calling code runs in, or null outside every program (and after the program has ended). Tests use it.
    internal static GoProgram? Current => Goroutine.Current?.Program;

    /// <summary>
    /// Cancelled when the run ends for any reason: main returned, a deadlock, a panic, the timeout, or the caller's token.
    /// Waits given this token still count as parked (only the program could cancel it), so passing it keeps deadlock detection on.
    /// </summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Runs <paramref name="main"/> as goroutine 1 and watches it and every goroutine it starts.</summary>
    /// <param name="main">The program's main function; its argument is the running program (use it for <see cref="Go(string, Func{Task})"/>).</param>
    /// <param name="options">Grace period, timeout; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the run: it then throws <see cref="OperationCanceledException"/> at once.</param>
    /// <returns>A task that completes when main returns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="DeadlockException">Every goroutine was parked on a watched operation nothing could complete.</exception>
    /// <exception cref="GoroutinePanicException">A goroutine started with <see cref="Go(string, Func{Task})"/> threw.</exception>
    /// <exception cref="TimeoutException">The program had not finished within <see cref="GoProgramOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>An exception thrown by main itself is thrown unchanged.</remarks>
    public static Task RunAsync(Func<GoProgram, Task> main, GoProgramOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(main);
        options ??= new GoProgramOptions();
        options.Validate();
        return RunCoreAsync(main, options, cancellationToken);
    }

    /// <summary>Runs <paramref name="main"/> as goroutine 1 and watches it and every goroutine it starts (see <see cref="RunAsync(Func{GoProgram, Task}, GoProgramOptions?, CancellationToken)"/>).</summary>
    /// <param name="main">The program's main function.</param>
    /// <param name="options">Grace period, timeout; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>A task that completes when main returns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is null.</exception>
    /// <exception cref="DeadlockException">Every goroutine was parked on a watched operation nothing could complete.</exception>
    public static Task RunAsync(Func<Task> main, GoProgramOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(main);
        return RunAsync(_ => main(), options, cancellationToken);
    }

    /// <summary>Go's <c>go f()</c>: starts <paramref name="body"/> as a new watched goroutine on the thread pool.</summary>
    /// <param name="name">The name shown in deadlock and panic reports.</param>
    /// <param name="body">The goroutine's work.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>There is nothing to await, as in Go: wait for goroutines with channels or a <see cref="WaitGroup"/>.
    /// If <paramref name="body"/> throws, the run ends with a <see cref="GoroutinePanicException"/>.</remarks>
    public void Go(string name, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(body);
        _ = Start(name, body, isMain: false);
    }

    /// <summary>Go's <c>go f()</c> with the default name <c>go</c>.</summary>
    /// <param name="body">The goroutine's work.</param>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    public void Go(Func<Task> body) => Go("go", body);

    /// <summary>Go's <c>go f()</c> for synchronous work.</summary>
    /// <param name="name">The name shown in reports.</param>
    /// <param name="body">The goroutine's work.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void Go(string name, Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Go(name, () =>
        {
            body();
            return Task.CompletedTask;
        });
    }

    /// <summary>Go's <c>go f()</c> for synchronous work, with the default name <c>go</c>.</summary>
    /// <param name="body">The goroutine's work.</param>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    public void Go(Action body) => Go("go", body);

    private static async Task RunCoreAsync(Func<GoProgram, Task> main, GoProgramOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var program = new GoProgram(options);
        Goroutine.EnterProgram();
        var onCancel = cancellationToken.Register(static (state, token) => ((GoProgram)state!).FailCancelled(token), program);
        try
        {
            // Timers that exist before the program starts (the host's own) are not the program's way out; only more are.
            program._timersAtStart = Timer.ActiveCount;
            program._busyAtStart = BusyWorkerThreads();
            program._queuedAtStart = ThreadPool.PendingWorkItemCount;
            program._timeoutTimer?.Change(options.Timeout, Timeout.InfiniteTimeSpan);
            var mainTask = program.Start("main", () => main(program), isMain: true);
            await Task.WhenAny(mainTask, program._failure.Task);
            // A failure is recorded before the program's token is cancelled, so a main that ended because of that
            // cancellation always finds the failure here: the failure (deadlock, panic, timeout, cancellation) wins.
            await (program._failure.Task.IsCompleted ? program._failure.Task : mainTask);
        }
        finally
        {
            await onCancel.DisposeAsync();
            program.End();
            Goroutine.LeaveProgram();
        }
    }

    private async Task RunGoroutineAsync(Goroutine goroutine, Func<Task> body, bool isMain)
    {
        goroutine.BecomeCurrent();
        try
        {
            await (body() ?? throw new InvalidOperationException($"goroutine {goroutine.Id} ({goroutine.Name}) returned a null Task."));
        }
        catch (Exception e) when (!isMain)
        {
            Panic(goroutine, e);
        }
        finally
        {
            Exit(goroutine, isMain);
        }
    }

    private void Panic(Goroutine goroutine, Exception error)
    {
        // Goroutines that stop because the run is over (their token was cancelled) are not panicking.
        if (HasEnded)
            return;
        Fail(new GoroutinePanicException(goroutine.Id, goroutine.Name, error));
    }

    private void FailCancelled(CancellationToken token)
    {
        if (MarkEnded())
        {
            _failure.TrySetCanceled(token);
            CancelGoroutines();
        }
    }

    private void Fail(Exception error)
    {
        if (MarkEnded())
        {
            _failure.TrySetException(error);
            CancelGoroutines();
        }
    }

    private void End()
    {
        MarkEnded();
        _graceTimer.Dispose();
        _timeoutTimer?.Dispose();
        CancelGoroutines();
    }

    private void CancelGoroutines()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (AggregateException)
        {
            // A callback a goroutine registered on the token threw: the program is over, there is nobody to tell.
        }
    }
}
