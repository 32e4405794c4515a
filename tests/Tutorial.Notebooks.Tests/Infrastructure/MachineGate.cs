namespace Tutorial.Notebooks.Tests.Infrastructure;

/// <summary>Decides what may execute notebooks at the same time in this test process. A lesson run whose key-figure
/// verdicts are asserted is <see cref="ExclusiveAsync">exclusive</see>: nothing else that runs notebooks may run beside
/// it, or every figure would be measured on a busy machine. Everything else (stock-kernel runs, fixtures, the runner's
/// own tests) is <see cref="SharedAsync">shared</see>: up to two at once, one per core.</summary>
public static class MachineGate
{
    private const int Slots = 2;
    private static readonly SemaphoreSlim Free = new(Slots, Slots);
    private static readonly SemaphoreSlim ExclusiveEntry = new(1, 1);

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

    /// <summary>Holds one slot until disposed.</summary>
    public static async Task<IDisposable> SharedAsync()
    {
        await Acquire(Free, "a notebook slot");
        return new Release(1);
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
}
