namespace Tutorial.Concurrency.Diagnostics;

/// <summary>What a watched goroutine is parked on: the reasons Go prints in brackets in its goroutine dump.</summary>
public enum GoroutineWaitKind
{
    /// <summary>Waiting to receive from a channel (<c>ReadAsync</c>, <c>WaitToReadAsync</c>, <c>ReadAllAsync</c>): Go's <c>[chan receive]</c>.</summary>
    ChanReceive,

    /// <summary>Waiting to send on a channel (<c>WriteAsync</c>, <c>WaitToWriteAsync</c>): Go's <c>[chan send]</c>.</summary>
    ChanSend,

    /// <summary>Waiting for a <see cref="WaitGroup"/> to reach zero (<c>Wait</c>, <c>WaitAsync</c>): Go's <c>[sync.WaitGroup.Wait]</c> (since Go 1.24; <c>[semacquire]</c> before).</summary>
    WaitGroupWait,
}
