namespace Tutorial.Concurrency;

/// <summary>
/// Runs a small concurrent program under watch, the way the Go runtime does: if every goroutine ends up parked on a
/// channel or WaitGroup that nothing can ever satisfy, the run fails at once with Go's
/// <c>fatal error: all goroutines are asleep - deadlock!</c> and a goroutine dump, instead of waiting forever.
/// </summary>
/// <remarks>
/// <para>Inside <see cref="RunAsync(Func{GoProgram, Task}, GoProgramOptions?, CancellationToken)"/> the lesson code stays
/// ordinary .NET code: <see cref="Chan.Make{T}(int, string?)"/> returns a normal <see cref="System.Threading.Channels.Channel{T}"/>
/// (one that reports its waits), <see cref="WaitGroup.Go(Func{Task})"/> starts a watched goroutine and
/// <see cref="WaitGroup.WaitAsync(CancellationToken)"/> reports its wait. <see cref="Go(string, Func{Task})"/> is Go's
/// <c>go</c> statement.</para>
/// <para><b>Watched</b>: the goroutines (main, <see cref="Go(string, Func{Task})"/>, <see cref="WaitGroup.Go(Func{Task})"/>)
/// and, on channels made by <see cref="Chan"/> inside the program, <c>WaitToReadAsync</c>, <c>ReadAsync</c>,
/// <c>ReadAllAsync</c>, <c>WriteAsync</c>, <c>WaitToWriteAsync</c> (and the helpers built on them), plus WaitGroup waits.
/// A deadlock is reported when every goroutine still alive is parked on one of those and the state has not changed for
/// <see cref="GoProgramOptions.GracePeriod"/>.</para>
/// <para><b>Counted as running</b> (never reported): a goroutine that computes, sleeps, awaits a timer, I/O, a lock, a
/// <see cref="Task"/>, a channel made with <c>Channel.Create*</c> or outside the program, or a watched operation given a
/// <see cref="System.Threading.CancellationToken"/> that something outside the program can cancel. Such a program can
/// still hang; <see cref="GoProgramOptions.Timeout"/> is the fallback.</para>
/// <para><b>Can be reported wrongly</b>: work the detector cannot see that would have woken a goroutine. Work started
/// with <c>Task.Run</c> (or any un-awaited task) inside a goroutine belongs to that goroutine: if it writes to a watched
/// channel that the others wait on, or if a goroutine races a watched read against <c>Task.Delay</c> with
/// <c>Task.WhenAny</c>, a report may come while that work is still sleeping. Start concurrent work with
/// <see cref="Go(string, Func{Task})"/> or <c>wg.Go</c>, and give a read with a timeout a token
/// (<c>new CancellationTokenSource(timeout).Token</c>) instead of <c>WhenAny</c>.</para>
/// <para>Like Go, the program ends when main returns; goroutines still running are no longer watched (.NET cannot stop
/// them: they see <see cref="CancellationToken"/> cancelled). A goroutine started with <see cref="Go(string, Func{Task})"/>
/// that throws ends the run with a <see cref="GoroutinePanicException"/>, like Go's panic.</para>
/// <para><b>Cost</b>: outside a program each hook is one volatile read. Inside, every operation on a watched channel
/// takes that channel's lock, and one that has to wait also allocates a small object and takes the program's lock. No
/// thread or timer runs while the program makes progress: a timer is armed only when the last runnable goroutine parks.
/// Measured on the course machine (2 cores, .NET 10, Release; 100,000 ints, one producer, one consumer, median of 9 runs,
/// three sessions): unbuffered channel 40-95 ms unwatched vs 95-210 ms watched (1.9-2.7x, about 1 microsecond more per
/// item); buffered (64) 10-19 ms vs 21-37 ms (1.6-2.1x). Fine for lessons and tests; measure performance unwatched.</para>
/// </remarks>
public sealed partial class GoProgram
{
    private readonly GoProgramOptions _options;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskCompletionSource _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    /// <summary>The program the calling code runs in, or null outside every program (and after the program has ended).</summary>
    public static GoProgram? Current => Goroutine.Current?.Program;

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

    /// <summary>Hook for <see cref="WaitGroup.Go(Func{Task})"/>: a watched goroutine inside a program, a plain <c>Task.Run</c> outside.</summary>
    /// <param name="name">The goroutine's name.</param>
    /// <param name="work">The work; it must not throw (WaitGroup catches its own exceptions).</param>
    /// <returns>The running task.</returns>
    internal static Task StartGoroutine(string name, Func<Task> work)
        => Goroutine.Current is { } parent ? parent.Program.Start(name, work, isMain: false) : Task.Run(work);

    private static async Task RunCoreAsync(Func<GoProgram, Task> main, GoProgramOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var program = new GoProgram(options);
        Goroutine.EnterProgram();
        var onCancel = cancellationToken.Register(static (state, token) => ((GoProgram)state!).FailCancelled(token), program);
        try
        {
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
