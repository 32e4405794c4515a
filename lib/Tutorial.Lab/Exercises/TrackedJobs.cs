using System.Diagnostics;

namespace Tutorial.Lab;

/// <summary>
/// Jobs 1..n that a check hands to the learner's code as the work to do (e.g. <c>process(id)</c> for a pool). Each job
/// waits a random moment, then its duration (so jobs overlap when they run side by side), then returns
/// <c>result(id)</c>; the jobs record who ran when, so the check can name a job that was lost or ran twice, and the
/// most jobs that ran at once. Create them with <see cref="Trial.Jobs{T}"/>.
/// </summary>
/// <typeparam name="T">What one job returns.</typeparam>
public sealed class TrackedJobs<T> : ITrackedJobs
{
    private readonly Trial _trial;
    private readonly Func<int, T> _result;
    private readonly Func<int, bool> _fails;
    private readonly TimeSpan _duration;
    private readonly PairedFinish? _pairs;
    private readonly Lock _gate = new();
    private readonly int[] _started;
    private readonly int[] _finished;
    private readonly List<(int Id, long At)> _starts = [];
    private int _running;
    private int _peak;

    internal TrackedJobs(Trial trial, int count, Func<int, T> result, TimeSpan duration, Func<int, bool>? fails, PairedFinish? pairs = null)
    {
        _trial = trial;
        _result = result;
        _duration = duration;
        _pairs = pairs;
        _fails = fails ?? (_ => false);
        _started = new int[count + 1];
        _finished = new int[count + 1];
        Ids = Enumerable.Range(1, count).ToArray();
    }

    /// <summary>The job ids, 1 to n.</summary>
    public IReadOnlyList<int> Ids { get; }

    /// <summary>The most jobs that were running at the same moment.</summary>
    public int PeakConcurrency
    {
        get
        {
            lock (_gate)
                return _peak;
        }
    }

    /// <summary>Runs job <paramref name="id"/>.</summary>
    /// <param name="id">A job id from <see cref="Ids"/>.</param>
    /// <returns><c>result(id)</c>; throws <see cref="InvalidOperationException"/> for a job the check made fail.</returns>
    public Task<T> RunAsync(int id) => RunAsync(id, CancellationToken.None);

    /// <summary>Runs job <paramref name="id"/>; cancelling stops its wait with <see cref="OperationCanceledException"/>.</summary>
    /// <param name="id">A job id from <see cref="Ids"/>.</param>
    /// <param name="cancellationToken">Stops the job.</param>
    /// <returns><c>result(id)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">There is no such job.</exception>
    public async Task<T> RunAsync(int id, CancellationToken cancellationToken)
    {
        if (id < 1 || id >= _started.Length)
            throw new ArgumentOutOfRangeException(nameof(id), id, $"There is no job {id}: the jobs are 1 to {_started.Length - 1}.");
        lock (_gate)
        {
            _started[id]++;
            _starts.Add((id, Stopwatch.GetTimestamp()));
            _peak = Math.Max(_peak, ++_running);
        }
        try
        {
            await _trial.PauseAsync();
            await Task.Delay(_duration, cancellationToken);
            if (_fails(id))
                throw new InvalidOperationException($"job {id} failed (the check makes it fail on purpose)");
        }
        finally
        {
            lock (_gate)
            {
                _finished[id]++;
                _running--;
            }
        }
        // Done, and counted as done: now, if asked, wait for the others and return with them (see PairedFinish). The result
        // is made first, so that between the release and the caller's code there is as little as possible.
        var result = _result(id);
        if (_pairs is not null)
        {
            await _pairs.ArriveAsync(() =>
            {
                lock (_gate)
                    return _running == 0;
            });
        }
        return result;
    }

    /// <summary>
    /// Checks that every job was processed once and its result came back once: names the first job that was never
    /// processed, processed twice, or whose result was lost or came back twice.
    /// </summary>
    /// <param name="delivered">The job ids of the results the learner's code returned.</param>
    /// <exception cref="ExerciseHintException">A job was lost or duplicated.</exception>
    public void ExpectEachExactlyOnce(IEnumerable<int> delivered)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        var counts = new int[_started.Length];
        foreach (var id in delivered)
        {
            if (id < 1 || id >= counts.Length)
                throw new ExerciseHintException($"a result for job {id} came back, but there is no job {id} (the jobs are 1 to {counts.Length - 1}).", Ideas.DeliveredTwice);
            counts[id]++;
        }
        lock (_gate)
        {
            foreach (var id in Ids)
                if (_started[id] > 1)
                    throw new ExerciseHintException($"job {id} was processed {Times(_started[id])}: more than one worker took it.", Ideas.ProcessedTwice);
            foreach (var id in Ids)
                if (counts[id] == 0)
                    throw new ExerciseHintException(_started[id] == 0
                        ? $"job {id} was never processed: no worker took it."
                        : $"job {id} was processed, but its result never came back.", Ideas.Lost);
            foreach (var id in Ids)
                if (counts[id] > 1)
                    throw new ExerciseHintException($"job {id}'s result came back {Times(counts[id])}.", Ideas.DeliveredTwice);
        }
    }

    /// <summary>
    /// Checks that no more than <paramref name="allowed"/> jobs ever ran at once in this run; over all runs, the check also
    /// fails when <paramref name="allowed"/> jobs never ran side by side (a pool that runs one job at a time).
    /// </summary>
    /// <param name="allowed">How many may run at once, e.g. the worker count.</param>
    /// <exception cref="ExerciseHintException">More ran at once than allowed.</exception>
    public void ExpectPeak(int allowed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(allowed, 1);
        var peak = PeakConcurrency;
        if (peak > allowed)
            throw new ExerciseHintException($"{peak} jobs ran at the same time, but only {allowed} are allowed.", Ideas.TooMany);
        if (Ids.Count >= allowed)
            _trial.History.RecordPeak(allowed, peak);
    }

    /// <summary>Checks that no more than <paramref name="calls"/> jobs started within any <paramref name="per"/> (a rate limit).</summary>
    /// <param name="calls">How many may start per period.</param>
    /// <param name="per">The period.</param>
    /// <param name="slack">How much closer than <paramref name="per"/> the starts may come. By default one step of the clock
    /// .NET's timers count in (<see cref="TimerClock.MostEarly"/>, about 5 ms on Linux) or 10% of the period if more, so a
    /// limiter built on a timer passes; give a smaller slack (say 0.5 ms) to demand a limiter that never starts early.</param>
    /// <exception cref="ExerciseHintException">Too many jobs started too close together.</exception>
    public void ExpectRate(int calls, TimeSpan per, TimeSpan? slack = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(calls, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(per, TimeSpan.Zero);
        if (slack is { } given && (given < TimeSpan.Zero || given >= per))
            throw new ArgumentOutOfRangeException(nameof(slack), slack, "The slack must be at least zero and less than the period.");
        var window = per - (slack ?? TimeSpan.FromTicks(Math.Max(per.Ticks / 10, TimerClock.MostEarly.Ticks)));
        var strict = slack is { } demanded && demanded < TimerClock.MostEarly; // a timer's tick alone cannot pass: say what can
        List<(int Id, long At)> starts;
        lock (_gate)
            starts = [.. _starts.OrderBy(s => s.At)];
        for (var first = 0; first + calls < starts.Count; first++)
        {
            var last = starts[first + calls];
            var apart = Stopwatch.GetElapsedTime(starts[first].At, last.At);
            if (apart < window)
                throw new ExerciseHintException(
                    $"{calls + 1} jobs started within {apart.TotalMilliseconds:F1} ms (jobs {string.Join(", ", starts.Skip(first).Take(calls + 1).Select(s => s.Id))}), " +
                    $"but at most {calls} may start per {per.TotalMilliseconds:0.#} ms.", strict ? Ideas.RateNeverEarly : Ideas.Rate);
        }
    }

    // For the leak check: jobs running now, and jobs that started after a moment.
    IReadOnlyList<int> ITrackedJobs.RunningIds()
    {
        lock (_gate)
            return [.. Ids.Where(id => _started[id] > _finished[id])];
    }

    IReadOnlyList<int> ITrackedJobs.StartedAfter(long timestamp)
    {
        lock (_gate)
            return [.. _starts.Where(s => s.At > timestamp).Select(s => s.Id)];
    }

    // For a stuck run: what the jobs were doing.
    string ITrackedJobs.Describe()
    {
        lock (_gate)
        {
            var finished = Ids.Where(id => _finished[id] > 0).ToList();
            var running = Ids.Where(id => _started[id] > _finished[id]).ToList();
            var never = Ids.Where(id => _started[id] == 0).ToList();
            var parts = new List<string>();
            if (finished.Count > 0)
                parts.Add($"{Trial.JobList(finished)} finished");
            if (running.Count > 0)
                parts.Add($"{Trial.JobList(running)} still running");
            if (never.Count > 0)
                parts.Add($"{Trial.JobList(never)} never started");
            return string.Join(", ", parts);
        }
    }

    private static string Times(int n) => n == 2 ? "twice" : $"{n} times";
}

// What the trial asks of a TrackedJobs<T>, whatever its T.
internal interface ITrackedJobs
{
    IReadOnlyList<int> RunningIds();

    IReadOnlyList<int> StartedAfter(long timestamp);

    string Describe();
}
