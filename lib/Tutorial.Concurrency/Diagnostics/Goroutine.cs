namespace Tutorial.Concurrency;

/// <summary>A watched goroutine: one flow of work started by <see cref="GoProgram"/> (main, <c>go.Go</c> or <c>wg.Go</c>).</summary>
/// <remarks>
/// The current goroutine travels in an <see cref="AsyncLocal{T}"/>, so every await, and every <c>Task.Run</c> started
/// from it, sees it. That is how a plain <c>Chan.Make</c> or <c>wg.WaitAsync()</c> knows it is watched, without any
/// parameter in the lesson code.
/// </remarks>
internal sealed class Goroutine
{
    private static readonly AsyncLocal<Goroutine?> s_current = new();

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

    /// <summary>The watched operations this goroutine is parked on. Guarded by the program's lock.</summary>
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
}
