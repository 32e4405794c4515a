namespace Tutorial.Lab;

// Makes jobs return together: a job whose work is done is held until no job is still working, and then every held job
// returns, two at a time, at the same instant, on two threads that go in lockstep. Code that runs after `await job`
// continues inline on those threads (the completions are synchronous), so two workers touch whatever they share within
// a fraction of a microsecond of each other: a plain List<T>.Add or a count++ then loses updates, where ordinary
// scheduling lets such code pass most of the time. (Measured: a fan-out adding to a plain List<T> passed 20 of 20 runs
// with ordinary jobs, and with jobs released in pairs by freshly started threads; in lockstep, it failed every check.)
internal sealed class PairedFinish
{
    private readonly Lock _gate = new();
    private readonly List<TaskCompletionSource> _held = [];

    /// <summary>Holds a finished job; when <paramref name="nobodyWorking"/> says no job is at work any more, releases them all.</summary>
    /// <param name="nobodyWorking">Asked under this object's lock, after the job was counted as finished.</param>
    internal Task ArriveAsync(Func<bool> nobodyWorking)
    {
        // No RunContinuationsAsynchronously: the releasing thread runs the job's caller inline.
        var mine = new TaskCompletionSource();
        TaskCompletionSource[]? batch = null;
        lock (_gate)
        {
            _held.Add(mine);
            if (nobodyWorking())
            {
                batch = [.. _held];
                _held.Clear();
            }
        }
        if (batch is not null)
            ReleaseInLockstep(batch);
        return mine.Task;
    }

    // Thread 0 releases jobs 0, 2, 4..., thread 1 jobs 1, 3, 5...; before each pair both spin until both are there.
    private static void ReleaseInLockstep(TaskCompletionSource[] batch)
    {
        if (batch.Length == 1)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static job => job.TrySetResult(), batch[0], preferLocal: false);
            return;
        }
        var arrived = new int[1];
        for (var half = 0; half < 2; half++)
        {
            var mine = half;
            new Thread(() =>
            {
                for (var pair = 0; 2 * pair < batch.Length; pair++)
                {
                    // Wait (spinning, so no sleep puts microseconds between the two) for the other thread, at most ~10 ms.
                    Interlocked.Increment(ref arrived[0]);
                    var giveUp = Environment.TickCount64 + 10;
                    while (Volatile.Read(ref arrived[0]) < 2 * pair + 2 && Environment.TickCount64 < giveUp)
                        Thread.SpinWait(1);
                    if (2 * pair + mine < batch.Length)
                        batch[2 * pair + mine].TrySetResult();
                }
            })
            { IsBackground = true, Name = "exercise check: jobs return together" }.UnsafeStart();
        }
    }
}
