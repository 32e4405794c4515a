namespace Tutorial.Concurrency.Diagnostics;

/// <summary>
/// Thrown by <see cref="GoProgram.RunAsync(Func{GoProgram, Task}, GoProgramOptions?, CancellationToken)"/> when a
/// goroutine started with <see cref="GoProgram.Go(string, Func{Task})"/> throws: Go's unrecovered <c>panic</c>, which
/// ends the whole program at once. The goroutine's exception is the <see cref="Exception.InnerException"/>.
/// </summary>
/// <remarks>Work started with <see cref="WaitGroup.Go(Func{Task})"/> keeps WaitGroup's own rule: its exceptions are thrown by the wait.</remarks>
public sealed class GoroutinePanicException : Exception
{
    /// <summary>Creates a panic report with a default message.</summary>
    public GoroutinePanicException()
        : this("panic in a goroutine")
    {
    }

    /// <summary>Creates a panic report with a custom message.</summary>
    /// <param name="message">The message.</param>
    public GoroutinePanicException(string message)
        : base(message)
    {
        GoroutineName = "";
    }

    /// <summary>Creates a panic report with a custom message and the goroutine's exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception the goroutine threw.</param>
    public GoroutinePanicException(string message, Exception innerException)
        : base(message, innerException)
    {
        GoroutineName = "";
    }

    internal GoroutinePanicException(int goroutineId, string goroutineName, Exception error)
        : base($"panic: {error.GetType().Name}: {error.Message}\n\ngoroutine {goroutineId} [running]:\n\t{goroutineName}", error)
    {
        GoroutineId = goroutineId;
        GoroutineName = goroutineName;
    }

    /// <summary>The number of the goroutine that threw (see <see cref="BlockedGoroutine.Id"/>).</summary>
    public int GoroutineId { get; }

    /// <summary>The name of the goroutine that threw.</summary>
    public string GoroutineName { get; }
}
