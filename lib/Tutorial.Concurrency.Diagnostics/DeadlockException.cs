using System.Text;

namespace Tutorial.Concurrency.Diagnostics;

/// <summary>
/// Thrown by <see cref="GoProgram.RunAsync(Func{GoProgram, Task}, GoProgramOptions?, CancellationToken)"/> when every
/// watched goroutine is parked on a watched channel or WaitGroup operation and none can ever move again: .NET's spelling
/// of Go's <c>fatal error: all goroutines are asleep - deadlock!</c>.
/// </summary>
/// <remarks>The message is Go's header followed by a dump of every goroutine and what it waits on; <see cref="BlockedGoroutines"/> holds the same list as data.</remarks>
public sealed class DeadlockException : Exception
{
    /// <summary>Go's first line, with which every deadlock report starts.</summary>
    public const string GoHeader = "fatal error: all goroutines are asleep - deadlock!";

    /// <summary>Creates a report with Go's header and no goroutines.</summary>
    public DeadlockException()
        : this(GoHeader)
    {
    }

    /// <summary>Creates a report with a custom message and no goroutines.</summary>
    /// <param name="message">The message.</param>
    public DeadlockException(string message)
        : base(message)
    {
        BlockedGoroutines = [];
    }

    /// <summary>Creates a report with a custom message, no goroutines and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DeadlockException(string message, Exception innerException)
        : base(message, innerException)
    {
        BlockedGoroutines = [];
    }

    internal DeadlockException(IReadOnlyList<BlockedGoroutine> blocked, IReadOnlyList<string> details)
        : base(Format(blocked, details))
    {
        BlockedGoroutines = blocked;
    }

    /// <summary>Every goroutine that was alive, each parked on the operation shown, in goroutine number order.</summary>
    public IReadOnlyList<BlockedGoroutine> BlockedGoroutines { get; }

    private static string Format(IReadOnlyList<BlockedGoroutine> blocked, IReadOnlyList<string> details)
    {
        var text = new StringBuilder(GoHeader).Append('\n');
        for (var i = 0; i < blocked.Count; i++)
            text.Append('\n').Append(blocked[i]).Append("\n\t").Append(details[i]);
        return text.ToString();
    }
}
