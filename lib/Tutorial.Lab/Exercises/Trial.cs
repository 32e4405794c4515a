using System.Diagnostics;
using System.Threading.Channels;

namespace Tutorial.Lab;

/// <summary>
/// One run of an exercise's check under a perturbed schedule. <see cref="Exercise.CheckAsync(string, Func{Trial, Task}, int, string?, TimeSpan?)"/>
/// runs the check many times, each with a new trial; the trial hands the learner's code work and channels that pause
/// for random short moments (so tasks interleave differently every run), watches what happens, and turns what went
/// wrong into a hint: a job lost or done twice, more jobs at once than allowed, a task still running after the code
/// returned, work piling up without bound, or what a stuck run was waiting on.
/// </summary>
/// <example><code>
/// await Exercise.CheckAsync("08-pool", async trial =>
/// {
///     var workers = trial.Pick("workers", 3, 1, 2, 4);
///     var jobs = trial.Jobs(trial.Pick("jobs", 12, 1, 7), id => $"image{id}.png");
///     var results = await ProcessWithWorkersAsync(jobs.Ids, workers, jobs.RunAsync);
///     jobs.ExpectEachExactlyOnce(results.Select(r => r.JobId));
///     jobs.ExpectPeak(workers);
/// });
/// </code></example>
public sealed class Trial
{
    // After the check's code ends, the trial waits this long and then looks for work that is still going on (a leak).
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(20);

    private readonly Lock _gate = new();
    private readonly List<string> _picks = [];
    private readonly Dictionary<long, (string What, long Since)> _waiting = [];
    private readonly List<ITrackedJobs> _jobs = [];
    private readonly List<Func<string?>> _openChannels = []; // each names a sink or drained channel not yet completed, or returns null
    private readonly CancellationTokenSource _stop = new();
    private long _nextWait;
    private (long At, string What) _lastWait;
    private int _taken, _delivered, _peakInFlight;

    internal Trial(int run, int runs, TrialHistory history)
    {
        Run = run;
        Runs = runs;
        History = history;
    }

    /// <summary>Which run this is, from 1.</summary>
    public int Run { get; }

    internal int Runs { get; }

    internal TrialHistory History { get; }

    // The choices made by Pick, for the hint, e.g. "workers = 3, jobs = 7".
    internal string Picks
    {
        get
        {
            lock (_gate)
                return string.Join(", ", _picks);
        }
    }

    /// <summary>
    /// Chooses one of <paramref name="choices"/> for this run: the first one in run 1 (the plain case), a random one in
    /// later runs, so the learner's code meets different worker and job counts.
    /// </summary>
    /// <param name="name">What is chosen, for the hint, e.g. <c>workers</c>.</param>
    /// <param name="choices">The values to choose from.</param>
    /// <returns>The chosen value.</returns>
    public int Pick(string name, params int[] choices)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Length == 0)
            throw new ArgumentException("Pick needs at least one choice.", nameof(choices));
        lock (_gate)
        {
            // Seeded by the run and the pick's position, so a failing run makes the same choices when it is rerun.
            var value = Run == 1 ? choices[0] : choices[new Random(Run * 7919 + _picks.Count).Next(choices.Length)];
            _picks.Add($"{name} = {value}");
            return value;
        }
    }

    /// <summary>Jobs 1..<paramref name="count"/> to hand to the learner's code as its work (see <see cref="TrackedJobs{T}"/>).</summary>
    /// <typeparam name="T">What a job returns.</typeparam>
    /// <param name="count">How many jobs (0 or more).</param>
    /// <param name="result">A job's result, given its id.</param>
    /// <param name="duration">How long a job works after its random pause (default 5 ms, so jobs run side by side can overlap).</param>
    /// <param name="fails">Which jobs throw instead of returning (none by default).</param>
    /// <param name="finishInPairs">A job whose work is done waits until no job is still working, and then the waiting jobs
    /// return two at a time, at the same instant, on two threads, with the caller's code after <c>await</c> running on
    /// those threads: code that shares unsafe state between workers (a plain <c>List&lt;T&gt;</c>, a <c>count++</c>) then
    /// loses updates. Code that starts the next job only after a job has returned still works (one job returns alone).</param>
    /// <returns>The jobs.</returns>
    public TrackedJobs<T> Jobs<T>(int count, Func<int, T> result, TimeSpan? duration = null, Func<int, bool>? fails = null, bool finishInPairs = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(result);
        var jobs = new TrackedJobs<T>(this, count, result, duration ?? TimeSpan.FromMilliseconds(5), fails, finishInPairs ? new PairedFinish() : null);
        lock (_gate)
            _jobs.Add(jobs);
        return jobs;
    }

    /// <summary>
    /// A channel the check fills with <paramref name="items"/> (pausing randomly between them) and then completes; the
    /// learner's code gets its reader (Go: a <c>&lt;-chan T</c> parameter). Reads pause randomly too.
    /// </summary>
    /// <typeparam name="T">The items.</typeparam>
    /// <param name="name">The channel's name in hints, e.g. <c>jobs</c>.</param>
    /// <param name="items">What to send, in order; may be endless (the check stops sending when the run ends).</param>
    /// <param name="capacity">The channel's buffer (0 = unbuffered).</param>
    /// <returns>The reader to hand to the learner's code.</returns>
    public ChannelReader<T> Source<T>(string name, IEnumerable<T> items, int capacity = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        var channel = Channel.CreateBounded<T>(capacity);
        Observe(Task.Run(async () =>
        {
            try
            {
                foreach (var item in items)
                {
                    if (Random.Shared.Next(2) == 0)
                        await Task.Yield(); // the sender varies only a little: the learner's side does the pausing
                    await channel.Writer.WriteAsync(item, _stop.Token);
                }
                channel.Writer.TryComplete();
            }
            catch (OperationCanceledException)
            {
                channel.Writer.TryComplete(); // the run ended before everything was sent: that is the learner's choice
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e); // the check's items failed: the reader sees why instead of waiting forever
            }
        }));
        return new TrialReader<T>(channel, name, this);
    }

    /// <summary>
    /// A channel for the learner's code to write its output into (Go: a <c>chan&lt;- T</c> parameter); the check reads it
    /// until the code completes it, or until it has <paramref name="take"/> items, like a consumer that quits early. A
    /// <paramref name="slow"/> sink reads one item every 2 ms or so, so code that does not bound its work piles it up.
    /// </summary>
    /// <typeparam name="T">The items.</typeparam>
    /// <param name="name">The channel's name in hints, e.g. <c>results</c>.</param>
    /// <param name="capacity">The channel's buffer (0 = unbuffered).</param>
    /// <param name="slow">Read slowly.</param>
    /// <param name="take">Stop reading after this many items; null reads until the writer is completed.</param>
    /// <returns>The sink: hand <see cref="Sink{T}.Writer"/> to the learner's code, await <see cref="Sink{T}.Received"/>.</returns>
    public Sink<T> Sink<T>(string name, int capacity = 0, bool slow = false, int? take = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (take is < 0)
            throw new ArgumentOutOfRangeException(nameof(take), take, "A sink cannot take a negative number of items.");
        var sink = new Sink<T>(Channel.CreateBounded<T>(capacity), name, this, slow, take);
        lock (_gate)
            _openChannels.Add(() => sink.Completed ? null : $"'{name}' received {Items(sink.Count)} and was never completed");
        Observe(sink.Received);
        return sink;
    }

    /// <summary>
    /// Reads a channel the learner's code returned until it is completed (or <paramref name="take"/> items arrived),
    /// pausing randomly (or about 2 ms when <paramref name="slow"/>) after each item.
    /// </summary>
    /// <typeparam name="T">The items.</typeparam>
    /// <param name="reader">The learner's channel.</param>
    /// <param name="name">Its name in hints, e.g. <c>merged</c>.</param>
    /// <param name="take">Stop after this many items, like a consumer that quits early; null reads to the end.</param>
    /// <param name="slow">Read slowly.</param>
    /// <returns>The items, in arrival order.</returns>
    public async Task<IReadOnlyList<T>> DrainAsync<T>(ChannelReader<T> reader, string name, int? take = null, bool slow = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var items = new List<T>();
        int count = 0, done = 0;
        lock (_gate)
            _openChannels.Add(() => Volatile.Read(ref done) == 1 ? null : $"'{name}' gave {Items(Volatile.Read(ref count))} and was never completed");
        var limit = take ?? int.MaxValue;
        try
        {
            while (items.Count < limit && await reader.WaitToReadAsync())
            {
                while (items.Count < limit && reader.TryRead(out var item))
                {
                    items.Add(item);
                    Volatile.Write(ref count, items.Count);
                    Delivered();
                }
                await (slow ? Task.Delay(2) : PauseAsync());
            }
            Volatile.Write(ref done, 1);
        }
        finally
        {
            // A channel completed with an error ends the drain by throwing: it was completed all the same.
            if (reader.Completion.IsCompleted)
                Volatile.Write(ref done, 1);
        }
        return items;
    }

    /// <summary>Checks that <paramref name="actual"/> holds every one of <paramref name="expected"/> exactly once, in any order.</summary>
    /// <typeparam name="T">The items.</typeparam>
    /// <param name="expected">What was sent.</param>
    /// <param name="actual">What arrived.</param>
    /// <exception cref="ExerciseHintException">An item is missing, arrived twice, or was never sent.</exception>
    public void ExpectEachExactlyOnce<T>(IEnumerable<T> expected, IEnumerable<T> actual)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var counts = actual.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var sent = expected.ToList();
        foreach (var item in sent)
            if (!counts.ContainsKey(item))
                throw new ExerciseHintException($"{item} was sent but never arrived.", Ideas.Lost);
        foreach (var item in sent)
            if (counts[item] > 1)
                throw new ExerciseHintException($"{item} arrived {counts[item]} times.", Ideas.DeliveredTwice);
        // Not FirstOrDefault: for a value type its default (0) would pass for an item that arrived unsent.
        foreach (var stranger in counts.Keys.Where(k => !sent.Contains(k)).Take(1))
            throw new ExerciseHintException($"{stranger} arrived, but nobody sent it.", Ideas.DeliveredTwice);
    }

    /// <summary>
    /// Checks that <paramref name="task"/> completes (in any state: a stage may complete its output with an error) within
    /// <paramref name="within"/>, e.g. a stage's output after its consumer cancelled.
    /// </summary>
    /// <param name="task">What must complete, e.g. <c>output.Completion</c>.</param>
    /// <param name="what">Its name in the hint, e.g. <c>the stage's output</c>.</param>
    /// <param name="within">How long to wait (default 1 s).</param>
    /// <returns>A task that completes when <paramref name="task"/> did.</returns>
    /// <exception cref="ExerciseHintException"><paramref name="task"/> did not complete in time.</exception>
    public async Task ExpectCompletedAsync(Task task, string what, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        var limit = within ?? TimeSpan.FromSeconds(1);
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            var waiting = DescribeStuck();
            throw new ExerciseHintException(
                $"{what} was not completed within {limit.TotalSeconds:0.#} s{(waiting.Length > 0 ? $" ({waiting})" : "")}: is a task still waiting to send or receive?",
                Ideas.Stuck);
        }
        catch (Exception) when (task.IsCompleted)
        {
            // Completed with an error or cancelled: completed all the same.
        }
    }

    /// <summary>
    /// Checks that a stage stops when its consumer quits (Go's pipelines with <c>done</c>): call it right after cancelling.
    /// The trial takes what <paramref name="output"/> holds at that moment, once, and then reads nothing more; the stage
    /// must complete <paramref name="output"/> within <paramref name="within"/> anyway (with or without an error). A stage
    /// whose send ignores the token stays blocked, or sends more, and its output never completes.
    /// </summary>
    /// <typeparam name="T">The items.</typeparam>
    /// <param name="output">The channel the stage returned.</param>
    /// <param name="name">Its name in the hint, e.g. <c>squares</c>.</param>
    /// <param name="within">How long the stage has to stop (default 1 s).</param>
    /// <returns>A task that completes when the output did.</returns>
    /// <exception cref="ExerciseHintException">The output did not complete in time.</exception>
    public async Task ExpectStoppedAsync<T>(ChannelReader<T> output, string name, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var limit = within ?? TimeSpan.FromSeconds(1);
        // Items buffered before the consumer quit are fair; reading more than those would unblock a stuck sender.
        for (var buffered = output.CanCount ? output.Count : 0; buffered > 0 && output.TryRead(out _); buffered--)
        {
        }
        try
        {
            await output.Completion.WaitAsync(limit);
        }
        catch (TimeoutException) when (!output.Completion.IsCompleted)
        {
            throw new ExerciseHintException(
                $"'{name}' was not completed within {limit.TotalSeconds:0.#} s after its reader stopped reading and cancelled: " +
                "a send or receive in the stage that does not take the token waits forever.", Ideas.Stuck);
        }
        catch (Exception) when (output.Completion.IsCompleted)
        {
            // Completed with the cancellation or another error: the stage stopped.
        }
    }

    /// <summary>
    /// Checks that the learner's code never held more than <paramref name="limit"/> items at once: taken from this
    /// trial's sources but not yet written to its sinks (or read by <see cref="DrainAsync{T}"/>).
    /// </summary>
    /// <param name="limit">How many may be in flight, e.g. workers + buffer capacity.</param>
    /// <exception cref="ExerciseHintException">More were in flight: something buffers without bound, or reads ahead of its workers.</exception>
    public void ExpectInFlightAtMost(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        int peak;
        lock (_gate)
            peak = _peakInFlight;
        if (peak > limit)
        {
            // Far over the limit is a queue without a bound; a little over is code that takes items before it can work on them.
            var why = peak >= 2 * Math.Max(limit, 1)
                ? "something buffers without bound"
                : "something takes an item before a worker is free to work on it (take the next one only when a worker is free)";
            throw new ExerciseHintException(
                $"your code held {peak} items at once (taken in but not yet passed on), but at most {limit} may be in flight: {why}.",
                Ideas.Unbounded);
        }
    }

    /// <summary>
    /// Checks that nothing the trial watches is still going on: no job running or starting later, no read or write on
    /// the trial's channels still waiting. The trial checks this by itself when the check's code ends; call it to check
    /// at an earlier moment, e.g. right after the learner's function returned.
    /// </summary>
    /// <param name="moment">What just happened, for the hint, e.g. <c>your function returned</c>.</param>
    /// <returns>A task that completes after a short grace period.</returns>
    /// <exception cref="ExerciseHintException">Something was still running: a task the learner's code started and did not finish.</exception>
    public async Task ExpectFinishedAsync(string moment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(moment);
        var now = Stopwatch.GetTimestamp();
        ThrowIfBusy(now, moment, sinceOnly: false);
        await Task.Delay(Grace);
        ThrowIfBusy(now, moment, sinceOnly: true);
    }

    /// <summary>Waits a random short moment (none, a yield, 1 or 2 ms): the pause the trial puts into work and hand-overs.</summary>
    /// <returns>A task that completes after the pause.</returns>
    public Task PauseAsync() => Random.Shared.Next(4) switch
    {
        0 => Task.CompletedTask,
        1 => YieldAsync(),
        var ms => Task.Delay(ms - 1),
    };

    internal void Taken()
    {
        lock (_gate)
        {
            _taken++;
            _peakInFlight = Math.Max(_peakInFlight, _taken - _delivered);
        }
    }

    internal void Delivered()
    {
        lock (_gate)
            _delivered++;
    }

    // Registers an operation on one of the trial's channels while it waits; dispose when it is done.
    internal IDisposable Waiting(string what)
    {
        var id = Interlocked.Increment(ref _nextWait);
        var since = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _waiting[id] = (what, since);
            if (since > _lastWait.At)
                _lastWait = (since, what);
        }
        return new Done(() =>
        {
            lock (_gate)
                _waiting.Remove(id);
        });
    }

    // After the check's code ended: the leak check, then every sink must have been completed by the learner's code.
    internal async Task FinishAsync()
    {
        await ExpectFinishedAsync("the check ended");
        string? open;
        lock (_gate)
            open = _openChannels.Select(describe => describe()).OfType<string>().FirstOrDefault();
        if (open is not null)
            throw new ExerciseHintException($"{open}: whoever writes a channel must complete it when done.", Ideas.Stuck);
    }

    // Ends the trial's own senders (they never outlive a run).
    internal void Stop() => _stop.Cancel();

    // What a run that did not finish in time was waiting on.
    internal string DescribeStuck()
    {
        var parts = new List<string>();
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            parts.AddRange(_waiting.Values
                .GroupBy(w => w.What)
                .Select(g => $"{g.Key} has waited {Stopwatch.GetElapsedTime(g.Min(w => w.Since), now).TotalSeconds:0.0} s" +
                             (g.Count() > 1 ? $" ({g.Count()} of them)" : "")));
            parts.AddRange(_openChannels.Select(describe => describe()).OfType<string>());
            parts.AddRange(_jobs.Select(jobs => jobs.Describe()).Where(d => d.Length > 0));
        }
        return string.Join("; ", parts);
    }

    internal static string JobList(IReadOnlyList<int> ids)
    {
        // "job 3", "jobs 1-4, 7": ranges keep a long list short.
        var ranges = new List<string>();
        var sorted = ids.Distinct().Order().ToList();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
                j++;
            ranges.Add(j == i ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return (sorted.Count == 1 ? "job " : "jobs ") + string.Join(", ", ranges);
    }

    private void ThrowIfBusy(long moment, string when, bool sinceOnly)
    {
        string? busy = null;
        lock (_gate)
        {
            foreach (var jobs in _jobs)
            {
                if (!sinceOnly && jobs.RunningIds() is { Count: > 0 } running)
                    busy ??= $"{JobList(running)} {(running.Count == 1 ? "was" : "were")} still running when {when}";
                if (jobs.StartedAfter(moment) is { Count: > 0 } late)
                    busy ??= $"{JobList(late)} started after {when}";
            }
            if (!sinceOnly && _waiting.Count > 0)
                busy ??= $"{_waiting.Values.First().What} was still waiting when {when}";
            if (_lastWait.At > moment)
                busy ??= $"{_lastWait.What} started after {when}";
        }
        if (busy is not null)
            throw new ExerciseHintException($"{busy}: a task your code started was still running (a leak).", Ideas.Leak);
    }

    private static void Observe(Task task) =>
        // The trial's own tasks stop with the run; a failure in one comes from the learner's code and reaches whoever awaits
        // it (e.g. Sink.Received). Observing it here keeps an unawaited one from surfacing as an unobserved exception.
        task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private static async Task YieldAsync() => await Task.Yield();

    private static string Items(int n) => n == 1 ? "1 item" : $"{n} items";

    private sealed class Done(Action onDispose) : IDisposable
    {
        public void Dispose() => onDispose();
    }
}
