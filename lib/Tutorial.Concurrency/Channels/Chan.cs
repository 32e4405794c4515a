using System.Threading.Channels;

namespace Tutorial.Concurrency;

/// <summary>
/// Go's <c>make(chan T, n)</c> for System.Threading.Channels: the one place that maps Go's channel sizes onto .NET's options.
/// </summary>
/// <remarks>
/// <para>The Go-to-.NET dictionary (see <see cref="ChannelExtensions"/> for the helpers):</para>
/// <list type="table">
/// <listheader><term>Go</term><description>.NET</description></listheader>
/// <item><term><c>make(chan T)</c> (unbuffered)</term><description><c>Chan.Make&lt;T&gt;()</c> = <c>Channel.CreateBounded&lt;T&gt;(0)</c>, a rendezvous: a send completes only when a receiver takes the value.</description></item>
/// <item><term><c>make(chan T, n)</c> (buffered)</term><description><c>Chan.Make&lt;T&gt;(n)</c>: a send waits only while n values are queued.</description></item>
/// <item><term><c>ch &lt;- v</c></term><description><c>await ch.Writer.WriteAsync(v)</c> or <c>SendAsync</c>.</description></item>
/// <item><term><c>v := &lt;-ch</c> / <c>v, ok := &lt;-ch</c></term><description><c>await ch.Reader.ReadAsync()</c> / <c>await ch.Reader.ReceiveAsync()</c>.</description></item>
/// <item><term><c>for v := range ch</c></term><description><c>await foreach (var v in ch.Reader.ReadAllAsync())</c>.</description></item>
/// <item><term><c>close(ch)</c></term><description><c>ch.Writer.Complete()</c> or <c>Close()</c>.</description></item>
/// <item><term>send on closed channel (panic)</term><description><see cref="ChannelClosedException"/> from <c>WriteAsync</c>; <c>TryWrite</c> returns false.</description></item>
/// <item><term>close of closed channel (panic)</term><description><c>Complete()</c> throws <see cref="ChannelClosedException"/>; <c>TryComplete()</c> returns false.</description></item>
/// <item><term>receive from closed, drained channel (zero value, ok = false)</term><description><c>ReadAsync</c> throws <see cref="ChannelClosedException"/>; <c>ReceiveAsync</c> returns <c>(default, false)</c>; <c>ReadAllAsync</c> ends.</description></item>
/// <item><term>nil channel (blocks forever)</term><description>No equivalent: a null reference throws.</description></item>
/// </list>
/// </remarks>
public static class Chan
{
    /// <summary>Makes a channel like Go's <c>make(chan T, capacity)</c>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="capacity">0 (the default) for an unbuffered (rendezvous) channel, or the buffer size.</param>
    /// <param name="name">A name for deadlock reports (see <see cref="GoProgram"/>); ignored outside a <see cref="GoProgram"/>.</param>
    /// <returns>A bounded channel whose writers wait while it is full.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative (Go: <c>makechan: size out of range</c>).</exception>
    public static Channel<T> Make<T>(int capacity = 0, string? name = null)
    {
        if (capacity < 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "makechan: size out of range (a channel's capacity must be 0 or more)");

        // Inside GoProgram.RunAsync the channel reports its waits to the deadlock detector.
        if (Goroutine.Current is { } goroutine)
            return WatchedChannel.CreateBounded<T>(goroutine, capacity, name);

        // Since .NET 10 a capacity of 0 is a true rendezvous channel, exactly Go's unbuffered channel.
        return Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Makes a channel with no capacity limit: sends never wait. Go has no such channel; use it when the producer must never block.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="name">A name for deadlock reports (see <see cref="GoProgram"/>); ignored outside a <see cref="GoProgram"/>.</param>
    /// <returns>An unbounded channel.</returns>
    public static Channel<T> MakeUnbounded<T>(string? name = null)
        => Goroutine.Current is { } goroutine ? WatchedChannel.CreateUnbounded<T>(goroutine, name) : Channel.CreateUnbounded<T>();
}
