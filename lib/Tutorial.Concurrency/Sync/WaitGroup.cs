using System.Collections.Concurrent;
using System.Diagnostics;

namespace Tutorial.Concurrency;

/// <summary>
/// Go's <c>sync.WaitGroup</c>: a counter of outstanding work that one or more callers can wait on.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Add"/> raises the counter before work starts, <see cref="Done"/> lowers it when a piece of
/// work ends (call it in a <c>finally</c> block, the C# spelling of Go's <c>defer wg.Done()</c>), and
/// <see cref="Wait"/> or <see cref="WaitAsync(CancellationToken)"/> return once the counter is zero.
/// Waiting at zero returns at once, and the group can be reused after it reaches zero.
/// </para>
/// <para>
/// Like Go, the counter may never go below zero: doing so throws
/// <see cref="InvalidOperationException"/> with Go's message <c>sync: negative WaitGroup counter</c>. And like Go, a wait
/// that wakes up to find the counter above zero again (someone called <see cref="Add"/> for a new round before this wait
/// had returned) throws <c>sync: WaitGroup is reused before previous Wait has returned</c>: start a new round only after
/// every wait of the previous one has returned.
/// </para>
/// <para>
/// <see cref="Go(Func{Task})"/> is Go 1.25's <c>wg.Go(f)</c>: Add(1), start the work, Done when it ends.
/// Go crashes the program when such a function panics; .NET must not lose the exception either, so a
/// failed task's exception is kept and thrown, inside an <see cref="AggregateException"/>, by the next
/// wait that sees the counter reach zero (the group is then clear of those errors and reusable).
/// </para>
/// <para>In idiomatic C#, <c>await Task.WhenAll(tasks)</c> does the same job when you hold the tasks.</para>
/// </remarks>
[DebuggerDisplay("Count = {Count}")]
public sealed class WaitGroup
{
    internal const string ReusedMessage = "sync: WaitGroup is reused before previous Wait has returned";

    private int _count;

    // Created by the first waiter that finds work outstanding; completed and cleared when the counter reaches zero.
    private TaskCompletionSource? _zero;

    private readonly ConcurrentQueue<Exception> _faults = new();

    /// <summary>The number of pieces of work still outstanding.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds <paramref name="delta"/> (which may be negative) to the counter.</summary>
    /// <param name="delta">How many pieces of work start (positive) or end (negative).</param>
    /// <exception cref="InvalidOperationException">The counter would go below zero: <c>sync: negative WaitGroup counter</c>.</exception>
    public void Add(int delta)
    {
        var now = Interlocked.Add(ref _count, delta);
        // The common case (still above zero) is this one atomic add, as in Go; the rest lives out of line so that the JIT
        // can inline Add and Done into the caller (methods that throw are rarely inlined).
        if (now <= 0)
            ReachedZeroOrBelow(now, delta);
    }

    private void ReachedZeroOrBelow(int now, int delta)
    {
        if (now < 0)
        {
            // Undo, so that one misuse does not poison every later wait. Like Go, a misuse racing with other Adds is not
            // made atomic (that would cost every Add a compare-and-swap loop): for that instant others can see the
            // misused value. The exception is the bug report.
            Interlocked.Add(ref _count, -delta);
            throw new InvalidOperationException("sync: negative WaitGroup counter");
        }

        // Interlocked.Add is a full fence, so this read cannot miss a waiter that registered before the
        // counter reached zero; a waiter registering later re-reads the counter itself (see WaitAsync).
        if (Volatile.Read(ref _zero) is not null)
            ReleaseWaiters();
    }

    /// <summary>Marks one piece of work as finished: <c>Add(-1)</c>.</summary>
    /// <exception cref="InvalidOperationException">Called more times than work was added.</exception>
    public void Done() => Add(-1);

    /// <summary>Blocks the calling thread until the counter is zero (Go's <c>wg.Wait()</c>).</summary>
    /// <remarks>Prefer <see cref="WaitAsync(CancellationToken)"/> in async code: this overload holds a thread while it waits.</remarks>
    /// <exception cref="AggregateException">Work started with <see cref="Go(Func{Task})"/> threw.</exception>
    public void Wait()
    {
        var wait = WaitAsync(CancellationToken.None);
        if (!wait.IsCompleted)
        {
            // Inside a watched program, a thread blocked here is parked, like the goroutine in Go's wg.Wait().
            using (Watcher.Active?.BlockingThread())
            {
                try
                {
                    wait.Wait();
                }
                catch (AggregateException)
                {
                    // Rethrown below without the wrapper, as an await would.
                }
            }
        }
        wait.GetAwaiter().GetResult();
    }

    /// <summary>Waits, without blocking a thread, until the counter is zero.</summary>
    /// <param name="cancellationToken">Stops the wait (not the work) when cancelled.</param>
    /// <returns>A task that completes when the counter reaches zero.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
    /// <exception cref="AggregateException">Work started with <see cref="Go(Func{Task})"/> threw.</exception>
    public Task WaitAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _count) == 0)
            return ThrowCollectedFaults() ?? Task.CompletedTask;

        var zero = Volatile.Read(ref _zero);
        if (zero is null)
        {
            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            zero = Interlocked.CompareExchange(ref _zero, created, null) ?? created;
        }

        // The CompareExchange above is a full fence: if the counter reached zero before we registered,
        // we see it here and release ourselves.
        if (Volatile.Read(ref _count) == 0)
            ReleaseWaiters();

        var wait = WaitForZeroAsync(zero.Task, cancellationToken);
        // Inside a watched program (the deadlock detector), this goroutine is now parked: Go's [sync.WaitGroup.Wait].
        if (!wait.IsCompleted)
            Watcher.Active?.WaitGroupWaiting(this, wait);
        return wait;
    }

    /// <summary>Runs <paramref name="work"/> as a counted task: Add(1), start it on the thread pool, Done when it ends.</summary>
    /// <param name="work">The asynchronous work to run.</param>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    public void Go(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Add(1);
        // Owned by the group: its Done and its exception (kept for the wait) are all anyone needs, so the task is not kept.
        // Inside a watched program it is a goroutine (Go's `go` statement); outside, a plain Task.Run.
        Func<Task> counted = async () =>
        {
            try
            {
                await work();
            }
            catch (Exception e)
            {
                _faults.Enqueue(e);
            }
            finally
            {
                Done();
            }
        };
        _ = Watcher.Active?.TryStartGoroutine("wg.Go", counted) ?? Task.Run(counted);
    }

    /// <summary>Runs synchronous <paramref name="work"/> as a counted task on the thread pool.</summary>
    /// <param name="work">The work to run.</param>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    public void Go(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Go(() =>
        {
            work();
            return Task.CompletedTask;
        });
    }

    private void ReleaseWaiters() => Interlocked.Exchange(ref _zero, null)?.TrySetResult();

    private async Task WaitForZeroAsync(Task zero, CancellationToken cancellationToken)
    {
        // ConfigureAwait(false): Wait() blocks on this task, so on a single-threaded context (a UI thread) a continuation
        // posted back to that context could never run, and Wait would deadlock.
        await zero.WaitAsync(cancellationToken).ConfigureAwait(false);
        // Go checks the same on waking: a counter above zero means a new round began before this wait returned, so this
        // wait cannot tell which round it saw end.
        if (Volatile.Read(ref _count) != 0)
            throw new InvalidOperationException(ReusedMessage);
        var faults = ThrowCollectedFaults();
        if (faults is not null)
            await faults.ConfigureAwait(false);
    }

    private Task? ThrowCollectedFaults()
    {
        if (_faults.IsEmpty)
            return null;
        var errors = new List<Exception>();
        while (_faults.TryDequeue(out var e))
            errors.Add(e);
        return errors.Count == 0
            ? null
            : Task.FromException(new AggregateException("One or more tasks started with WaitGroup.Go failed.", errors));
    }
}
