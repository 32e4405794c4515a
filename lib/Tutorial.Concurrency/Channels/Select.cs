using System.Threading.Channels;

namespace Tutorial.Concurrency;

/// <summary>
/// Go's <c>select</c> over receives: waits until one of several channels has a value (or is closed), runs that case's
/// code, and returns. A <see cref="After(TimeSpan, Action)"/> case is Go's <c>case &lt;-time.After(d)</c>, and a
/// <see cref="Default(Action)"/> case makes the select never wait, like Go's <c>default</c>.
/// </summary>
/// <remarks>
/// <code>
/// // Go:  select { case v, ok := &lt;-fast: ...; case v, ok := &lt;-slow: ...; case &lt;-time.After(50 * time.Millisecond): ... }
/// await Select.WaitAsync(
///     Select.Receive(fast, (v, ok) => ...),
///     Select.Receive(slow, (v, ok) => ...),
///     Select.After(TimeSpan.FromMilliseconds(50), () => ...));
/// </code>
/// <para><b>What it does as Go does.</b> When several cases are ready it picks one uniformly at random, so no channel can
/// starve another. A closed, drained channel is always ready, with <c>ok</c> false and the default value. A case whose
/// channel is <c>null</c> is never ready, exactly like a nil channel in Go: set a channel to null once it is closed to stop
/// selecting on it. With a default case it never waits.</para>
/// <para><b>What it cannot do.</b> It looks at its cases one after another, not at one instant (Go locks every channel of
/// a select to look at them together): if values move between channels while it looks, it can miss them. Before it takes a
/// default it looks a second time, which narrows that window but does not close it. It has only receive cases: no <c>case ch &lt;- v</c> (send with a token instead,
/// <c>await writer.WriteAsync(v, token)</c>). While it waits it watches each channel with <c>WaitToReadAsync</c>, so on an
/// unbuffered channel a sender's <c>TryWrite</c> (a non-blocking send, or a send inside another select) does not see it:
/// pair it with senders that use <c>WriteAsync</c>, or give the channel a buffer. A value is taken only by the case that
/// runs; the other channels keep theirs. An <see cref="After(TimeSpan, Action)"/> timer starts when the case is made, as
/// Go's <c>time.After</c> starts when the select statement is evaluated, and is stopped when the select returns.</para>
/// </remarks>
public static class Select
{
    /// <summary>Go's <c>case v, ok := &lt;-channel:</c> — runs <paramref name="onReceive"/> with the value and <c>true</c>, or,
    /// once the channel is closed and drained, with the default value and <c>false</c>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="channel">The channel to receive from; <c>null</c> makes the case never ready (Go's nil channel).</param>
    /// <param name="onReceive">What to do with the value and <c>ok</c>.</param>
    /// <returns>The case, for <see cref="WaitAsync(SelectCase[])"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onReceive"/> is null.</exception>
    public static SelectCase Receive<T>(ChannelReader<T>? channel, Action<T?, bool> onReceive)
    {
        ArgumentNullException.ThrowIfNull(onReceive);
        return new ReceiveCase<T>(channel, (value, ok) =>
        {
            onReceive(value, ok);
            return Task.CompletedTask;
        });
    }

    /// <summary>Go's <c>case v, ok := &lt;-channel:</c> with an asynchronous body; the select returns when the body has finished.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="channel">The channel to receive from; <c>null</c> makes the case never ready (Go's nil channel).</param>
    /// <param name="onReceive">What to do with the value and <c>ok</c>.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onReceive"/> is null.</exception>
    public static SelectCase Receive<T>(ChannelReader<T>? channel, Func<T?, bool, Task> onReceive)
    {
        ArgumentNullException.ThrowIfNull(onReceive);
        return new ReceiveCase<T>(channel, onReceive);
    }

    /// <summary>Go's <c>case &lt;-time.After(delay):</c> — ready once <paramref name="delay"/> has passed since the case was made.</summary>
    /// <param name="delay">How long until the case is ready (zero or more).</param>
    /// <param name="onTimeout">What to do then.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="onTimeout"/> is null.</exception>
    public static SelectCase After(TimeSpan delay, Action onTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(onTimeout);
        return new AfterCase(delay, onTimeout);
    }

    /// <summary>Go's <c>default:</c> — runs when no other case is ready at the moment of the select, which then never waits.</summary>
    /// <param name="onNothingReady">What to do when nothing is ready.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onNothingReady"/> is null.</exception>
    public static SelectCase Default(Action onNothingReady)
    {
        ArgumentNullException.ThrowIfNull(onNothingReady);
        return new DefaultCase(onNothingReady);
    }

    /// <summary>Waits until a case is ready, runs it (one, chosen at random among those ready), and returns its position.</summary>
    /// <param name="cases">The cases, made with <see cref="Receive{T}(ChannelReader{T}?, Action{T, bool})"/>, <see cref="After(TimeSpan, Action)"/>
    /// and at most one <see cref="Default(Action)"/>.</param>
    /// <returns>The index in <paramref name="cases"/> of the case that ran.</returns>
    /// <exception cref="ArgumentException">No cases, a null case, or more than one default (Go: <c>multiple defaults in select</c>).</exception>
    /// <exception cref="InvalidOperationException">Every case's channel is null and there is no default or timeout: the select could never end (Go: <c>select {}</c> blocks forever). Or a <see cref="After(TimeSpan, Action)"/> case is used by a second select.</exception>
    /// <exception cref="Exception">The channel of the chosen case was closed with an error (see <see cref="ChannelExtensions.CloseWithError{T}"/>): that error.</exception>
    public static Task<int> WaitAsync(params SelectCase[] cases) => WaitAsync(cases, CancellationToken.None);

    /// <summary>Waits until a case is ready or <paramref name="cancellationToken"/> is cancelled (Go: a <c>case &lt;-ctx.Done():</c>).</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="cancellationToken">Ends the wait with an <see cref="OperationCanceledException"/>; no case runs then.</param>
    /// <returns>The index in <paramref name="cases"/> of the case that ran.</returns>
    /// <exception cref="ArgumentException">No cases, a null case, or more than one default.</exception>
    /// <exception cref="InvalidOperationException">No case could ever become ready and the token cannot be cancelled.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public static Task<int> WaitAsync(IReadOnlyList<SelectCase> cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        if (cases.Count == 0)
            throw new ArgumentException("A select needs at least one case.", nameof(cases));
        var defaults = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i] is null)
                throw new ArgumentException($"Case {i} of the select is null.", nameof(cases));
            if (cases[i] is DefaultCase)
                defaults++;
        }
        if (defaults > 1)
            throw new ArgumentException("multiple defaults in select: a select has at most one Select.Default case.", nameof(cases));
        foreach (var c in cases)
            c.Claim();
        if (defaults == 0 && !cancellationToken.CanBeCanceled && cases.All(c => c.IsNeverReady))
        {
            throw new InvalidOperationException(
                "This select could never end: every case's channel is null and there is no default, timeout or token (Go: select {} blocks forever).");
        }
        return RunAsync(cases, cancellationToken);
    }

    private static async Task<int> RunAsync(IReadOnlyList<SelectCase> cases, CancellationToken cancellationToken)
    {
        // A random order each time round: the first ready case in a uniformly random order is uniformly random among the
        // ready ones, which is Go's fairness rule.
        var order = new List<int>(cases.Count);
        int? fallback = null;
        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i] is DefaultCase)
                fallback = i;
            else
                order.Add(i);
        }
        var shuffled = order.ToArray();
        Task?[]? waits = null;
        using var stopWaits = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            Task? cancelled = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Random.Shared.Shuffle(shuffled);
                foreach (var i in shuffled)
                {
                    if (cases[i].TryTake() is { } run)
                    {
                        await run().ConfigureAwait(false);
                        return i;
                    }
                }
                if (fallback is { } d)
                {
                    // One more look before the default. The cases are looked at one after another, not at one instant as
                    // Go's select does (it locks every channel), so a value that arrived behind the first look (say, on a
                    // channel already looked at, while another was emptied) is still seen: the window for a wrong default
                    // becomes the time between two looks at the same channel.
                    foreach (var i in shuffled)
                    {
                        if (cases[i].TryTake() is { } late)
                        {
                            await late().ConfigureAwait(false);
                            return i;
                        }
                    }
                    await cases[d].TryTake()!().ConfigureAwait(false);
                    return d;
                }

                // Nothing ready: wait until some case may be. A wait that has fired but whose value another reader took
                // in the meantime is replaced; the others are kept, so waiting again adds nothing to the channels.
                waits ??= new Task?[cases.Count];
                var pending = new List<Task>(cases.Count + 1);
                foreach (var i in shuffled)
                {
                    if (waits[i] is null || waits[i]!.IsCompleted)
                        waits[i] = cases[i].WaitUntilMaybeReadyAsync(stopWaits.Token);
                    if (waits[i] is { } wait)
                        pending.Add(wait);
                }
                // The caller's token ends the wait too (stopWaits is linked to it); an infinite delay sets no timer.
                cancelled ??= cancellationToken.CanBeCanceled ? Task.Delay(Timeout.Infinite, stopWaits.Token) : null;
                if (cancelled is not null)
                    pending.Add(cancelled);
                await Task.WhenAny(pending).ConfigureAwait(false);
            }
        }
        finally
        {
            // Stop the waits that lost (they would otherwise stay registered on their channels) and the timers.
            await stopWaits.CancelAsync().ConfigureAwait(false);
            foreach (var c in cases)
                c.Release();
            // A wait on a channel closed with an error faults; the error reaches the caller through the case itself.
            foreach (var wait in waits ?? [])
                _ = wait?.Exception;
        }
    }

    private sealed class ReceiveCase<T>(ChannelReader<T>? channel, Func<T?, bool, Task> onReceive) : SelectCase
    {
        internal override bool IsNeverReady => channel is null;

        internal override Func<Task>? TryTake()
        {
            if (channel is null)
                return null;
            if (channel.TryRead(out var value))
                return () => onReceive(value, true);
            if (!channel.Completion.IsCompleted)
                return null;
            // Closed and drained: ready, with Go's zero value. A close with an error surfaces that error instead.
            var completion = channel.Completion;
            return () =>
            {
                completion.GetAwaiter().GetResult();
                return onReceive(default, false);
            };
        }

        internal override Task? WaitUntilMaybeReadyAsync(CancellationToken cancellationToken) =>
            channel?.WaitToReadAsync(cancellationToken).AsTask();
    }

    private sealed class AfterCase : SelectCase
    {
        private readonly Action _onTimeout;
        private int _used;
        // Not disposed: a CancellationTokenSource without CancelAfter holds no timer, and Release may come more than once.
        private readonly CancellationTokenSource _timer = new();
        private readonly Task _elapsed;

        internal AfterCase(TimeSpan delay, Action onTimeout)
        {
            _onTimeout = onTimeout;
            // Started now, like Go's time.After when the select statement is evaluated.
            _elapsed = Task.Delay(delay, _timer.Token);
        }

        internal override bool IsNeverReady => false;

        // A timer case is good for one select, like a value from Go's time.After, which is received once: the first select
        // stops its timer when it returns. Make a new one each time round a loop.
        internal override void Claim()
        {
            if (Interlocked.Exchange(ref _used, 1) != 0)
                throw new InvalidOperationException("This Select.After case was already used by a select: make a new one for each select (Go: time.After each time round the loop).");
        }

        internal override Func<Task>? TryTake()
        {
            if (!_elapsed.IsCompletedSuccessfully)
                return null;
            return () =>
            {
                _onTimeout();
                return Task.CompletedTask;
            };
        }

        internal override Task WaitUntilMaybeReadyAsync(CancellationToken cancellationToken) => _elapsed;

        // Called once per select that used the case; a case used twice is released twice.
        internal override void Release()
        {
            _timer.Cancel();
        }
    }

    private sealed class DefaultCase(Action onNothingReady) : SelectCase
    {
        internal override bool IsNeverReady => false;

        internal override Func<Task> TryTake() => () =>
        {
            onNothingReady();
            return Task.CompletedTask;
        };

        internal override Task? WaitUntilMaybeReadyAsync(CancellationToken cancellationToken) => null;
    }
}

/// <summary>One case of a <see cref="Select"/>: made by <see cref="Select.Receive{T}(ChannelReader{T}?, Action{T, bool})"/>,
/// <see cref="Select.After(TimeSpan, Action)"/> or <see cref="Select.Default(Action)"/>, used by one select.</summary>
public abstract class SelectCase
{
    private protected SelectCase()
    {
    }

    // True when the case can never become ready (a null channel).
    internal abstract bool IsNeverReady { get; }

    // If the case is ready now, takes what it needs (the value) and returns the code to run; otherwise null.
    internal abstract Func<Task>? TryTake();

    // Completes when the case may have become ready (it must then be taken with TryTake, which may still find nothing).
    internal abstract Task? WaitUntilMaybeReadyAsync(CancellationToken cancellationToken);

    // Called once by each select that uses the case, before it waits: a case with state refuses a second select.
    internal virtual void Claim()
    {
    }

    // The select is over: let go of timers.
    internal virtual void Release()
    {
    }
}
