namespace Tutorial.Lab;

// What the runs of one check learn together: a pool must reach its allowed concurrency in some run, not in every run
// (on a busy machine one run may not overlap its jobs; twenty runs that never do are a pool that runs jobs one by one).
internal sealed class TrialHistory
{
    private readonly Dictionary<int, (int Runs, int MaxPeak)> _peaks = [];

    public void RecordPeak(int allowed, int peak)
    {
        lock (_peaks)
            _peaks[allowed] = _peaks.TryGetValue(allowed, out var seen)
                ? (seen.Runs + 1, Math.Max(seen.MaxPeak, peak))
                : (1, peak);
    }

    public ExerciseHintException? Verdict()
    {
        lock (_peaks)
            foreach (var (allowed, (runs, maxPeak)) in _peaks.OrderBy(p => p.Key))
                if (maxPeak < allowed)
                    return new ExerciseHintException(
                        $"with {allowed} allowed at once, at most {maxPeak} {(maxPeak == 1 ? "job" : "jobs")} ever ran at the same time in {runs} {(runs == 1 ? "run" : "runs")}.",
                        Ideas.TooFew);
        return null;
    }
}
