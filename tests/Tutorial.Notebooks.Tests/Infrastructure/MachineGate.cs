namespace Tutorial.Notebooks.Tests.Infrastructure;

/// <summary>Decides what may execute notebooks at the same time in this test process. A lesson run whose key-figure
/// verdicts are asserted is <see cref="ExclusiveAsync">exclusive</see>: nothing else that runs notebooks may run beside
/// it, or every figure would be measured on a busy machine. Everything else (stock-kernel runs, fixtures, the runner's
/// own tests) is <see cref="SharedAsync">shared</see>: up to two at once, one per core.</summary>
/// <remarks>While the course's lessons are measured one after another (a <see cref="BeginMeasuredPhase">measured
/// phase</see>), other shared work waits for the phase to end instead of slipping in between two lessons: a stock-kernel
/// run or a build that starts in such a gap holds one core for many seconds while the next lesson, which needs both,
/// waits with the other core idle. Work that is part of the phase (a lesson's child warming up) says so and goes ahead.</remarks>
public static class MachineGate
{
    /// <summary>How many shared holders may run at once: one per core of the machine the suite is sized for.</summary>
    public const int Slots = 2;

    private static readonly SemaphoreSlim Free = new(Slots, Slots);
    private static readonly SemaphoreSlim ExclusiveEntry = new(1, 1);
    private static readonly Lock PhaseLock = new();
    private static int _openPhases;
    private static TaskCompletionSource _phaseEnded = Ended();

    /// <summary>The longest anything waits for the gate before its test fails instead of hanging.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(15);

    /// <summary>Waits until nothing else runs notebooks, then holds every slot until disposed.</summary>
    public static async Task<IDisposable> ExclusiveAsync()
    {
        await Acquire(ExclusiveEntry, "the exclusive gate");
        try
        {
            for (var i = 0; i < Slots; i++)
            {
                await Acquire(Free, "a notebook slot");
            }
        }
        finally
        {
            ExclusiveEntry.Release();
        }

        return new Release(Slots);
    }

    /// <summary>Holds one slot until disposed. Unless <paramref name="partOfMeasuredPhase"/>, first waits for an open
    /// measured phase to end.</summary>
    /// <param name="partOfMeasuredPhase">True for the work of the measured phase itself (a lesson's process warming up).</param>
    public static async Task<IDisposable> SharedAsync(bool partOfMeasuredPhase = false)
    {
        if (!partOfMeasuredPhase)
        {
            Task ended;
            lock (PhaseLock)
            {
                ended = _phaseEnded.Task;
            }

            try
            {
                await ended.WaitAsync(WaitLimit);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"waited {WaitLimit.TotalMinutes:0} minutes for the lessons' measured runs to end");
            }
        }

        await Acquire(Free, "a notebook slot");
        return new Release(1);
    }

    /// <summary>Opens a measured phase until disposed: shared work that is not part of it waits (see the remarks).</summary>
    public static IDisposable BeginMeasuredPhase()
    {
        lock (PhaseLock)
        {
            if (_openPhases++ == 0)
            {
                _phaseEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new PhaseEnd();
    }

    private static TaskCompletionSource Ended()
    {
        var ended = new TaskCompletionSource();
        ended.SetResult();
        return ended;
    }

    private static async Task Acquire(SemaphoreSlim semaphore, string what)
    {
        if (!await semaphore.WaitAsync(WaitLimit))
        {
            throw new TimeoutException($"waited {WaitLimit.TotalMinutes:0} minutes for {what}: another test holds it");
        }
    }

    private sealed class Release(int count) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Free.Release(count);
            }
        }
    }

    private sealed class PhaseEnd : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) != 0)
            {
                return;
            }

            lock (PhaseLock)
            {
                if (--_openPhases == 0)
                {
                    _phaseEnded.SetResult();
                }
            }
        }
    }
}
