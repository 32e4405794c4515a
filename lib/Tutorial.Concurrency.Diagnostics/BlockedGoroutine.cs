namespace Tutorial.Concurrency.Diagnostics;

/// <summary>One entry of a deadlock report: a watched goroutine and the operation it is parked on.</summary>
/// <param name="Id">The goroutine's number: 1 is <c>main</c>, the others count up in the order they were started.</param>
/// <param name="Name">The name given to <see cref="GoProgram.Go(string, Func{Task})"/> (<c>main</c>, or <c>wg.Go</c> for work started with <see cref="WaitGroup.Go(Func{Task})"/>).</param>
/// <param name="WaitKind">What kind of operation it waits on.</param>
/// <param name="Target">The channel's name (from <c>Chan.Make(capacity, name)</c>), or the WaitGroup and its counter.</param>
/// <param name="BlockedFor">How long it had been waiting when the report was made.</param>
public sealed record BlockedGoroutine(int Id, string Name, GoroutineWaitKind WaitKind, string Target, TimeSpan BlockedFor)
{
    /// <summary>Go's wait reason for <see cref="WaitKind"/>, as Go 1.24 and later print it in a goroutine dump:
    /// <c>chan receive</c>, <c>chan send</c> or <c>sync.WaitGroup.Wait</c> (Go before 1.24 printed <c>semacquire</c> for a WaitGroup).</summary>
    public string GoStatus => WaitKind switch
    {
        GoroutineWaitKind.ChanReceive => "chan receive",
        GoroutineWaitKind.ChanSend => "chan send",
        _ => "sync.WaitGroup.Wait",
    };

    /// <summary>The dump's header line for this goroutine, for example <c>goroutine 1 [chan receive]: jobs</c>.</summary>
    /// <returns>The header line.</returns>
    public override string ToString() => $"goroutine {Id} [{GoStatus}]: {Target}";
}
