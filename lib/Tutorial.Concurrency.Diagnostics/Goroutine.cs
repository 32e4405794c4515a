namespace Tutorial.Concurrency.Diagnostics;

/// <summary>A watched goroutine: one flow of work started by <see cref="GoProgram"/> (main, <c>go.Go</c>, <c>wg.Go</c>, a pool's workers).</summary>
/// <remarks>
/// The current goroutine travels in an <see cref="AsyncLocal{T}"/>, so every await, and every <c>Task.Run</c>, timer or
/// thread started from it, sees it. That is how a plain <c>Chan.Make</c> or <c>wg.WaitAsync()</c> knows it is watched,
/// without any parameter in the lesson code. The same AsyncLocal tells the program when code of one of its goroutines is
/// running: the runtime raises its change notification whenever a thread starts or stops executing in a context where the
/// value differs, so the program counts how many threads run its goroutines' code right now (see
/// <see cref="GoProgram"/>'s detector).
/// </remarks>
internal sealed class Goroutine
{
    private static readonly AsyncLocal<Goroutine?> s_current = new(OnCurrentChanged);

    // Lets code outside any program skip the AsyncLocal lookup: one volatile read is the whole cost of the hooks then.
    private static int s_programsRunning;

    internal Goroutine(GoProgram program, int id, string name)
    {
        Program = program;
        Id = id;
        Name = name;
    }

    internal GoProgram Program { get; }

    internal int Id { get; }

    internal string Name { get; }

    /// <summary>The watched operations this goroutine is parked on, oldest first. Guarded by the program's lock.</summary>
    internal List<BlockingWait> Waits { get; } = new(1);

    /// <summary>Guarded by the program's lock.</summary>
    internal bool Exited { get; set; }

    /// <summary>The goroutine the calling code runs in, or null outside every program and in one that has ended.</summary>
    internal static Goroutine? Current
    {
        get
        {
            if (Volatile.Read(ref s_programsRunning) == 0)
                return null;
            var current = s_current.Value;
            return current is null || current.Program.HasEnded ? null : current;
        }
    }

    internal static void EnterProgram() => Interlocked.Increment(ref s_programsRunning);

    internal static void LeaveProgram() => Interlocked.Decrement(ref s_programsRunning);

    /// <summary>Makes this the current goroutine for the rest of the calling async method (and what it starts).</summary>
    internal void BecomeCurrent() => s_current.Value = this;

    // Called on the thread whose view of the value changes: a thread entering a goroutine's context (a continuation, a
    // thread-pool item, a timer callback, a thread it started) or leaving it. Per thread the calls form a chain
    // (null -> g1, g1 -> g2, g2 -> null), so the counters return to zero when nothing of a program runs.
    private static void OnCurrentChanged(AsyncLocalValueChangedArgs<Goroutine?> change)
    {
        change.PreviousValue?.Program.LeftThread();
        change.CurrentValue?.Program.EnteredThread();
    }
}
