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
/// <item><term><c>v, ok := &lt;-ch</c> (and <c>v := &lt;-ch</c>)</term><description><c>var (v, ok) = await ch.Reader.ReceiveAsync()</c>: on a closed, drained channel Go gives the zero value, and so does <c>ReceiveAsync</c> (<c>ok</c> false). <c>ReadAsync</c> throws <see cref="ChannelClosedException"/> there instead.</description></item>
/// <item><term><c>for v := range ch</c></term><description><c>await foreach (var v in ch.Reader.ReadAllAsync())</c>. It waits with <c>WaitToReadAsync</c>: on an unbuffered channel such a waiting reader is not seen by a sender's <c>TryWrite</c> (only one parked in <c>ReadAsync</c> or <c>ReceiveAsync</c> is), so non-blocking senders need a reader that waits in <c>ReceiveAsync</c>.</description></item>
/// <item><term><c>select</c> over receives (with <c>default</c>)</term><description><see cref="Select"/>.</description></item>
/// <item><term><c>close(ch)</c></term><description><c>ch.Writer.Complete()</c> or <c>Close()</c>.</description></item>
/// <item><term>send on closed channel (panic)</term><description><see cref="ChannelClosedException"/> from <c>WriteAsync</c>; <c>TryWrite</c> returns false.</description></item>
/// <item><term>close of closed channel (panic)</term><description><c>Complete()</c> throws <see cref="ChannelClosedException"/>; <c>TryComplete()</c> returns false.</description></item>
/// <item><term>receive from closed, drained channel (zero value, ok = false)</term><description><c>ReadAsync</c> throws <see cref="ChannelClosedException"/>; <c>ReceiveAsync</c> returns <c>(default, false)</c>; <c>ReadAllAsync</c> ends.</description></item>
/// <item><term>nil channel (blocks forever; in a <c>select</c>, a case never ready)</term><description>In a <see cref="Select"/>, <c>Select.Receive(null, ...)</c> is a case that is never ready: set a closed channel to null to stop selecting on it, as Go sets it to nil. Elsewhere a null channel throws <see cref="ArgumentNullException"/>.</description></item>
/// <item><term><c>len(ch)</c> / <c>cap(ch)</c></term><description><c>ch.Reader.Count</c> (bounded and unbounded channels can count); the capacity is what you passed to <see cref="Make{T}(int, string?)"/>: .NET does not expose it.</description></item>
/// </list>
/// </remarks>
public static class Chan
{
    /// <summary>Makes a channel like Go's <c>make(chan T, capacity)</c>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="capacity">0 (the default) for an unbuffered (rendezvous) channel, or the buffer size.</param>
    /// <param name="name">A name for deadlock reports (see Tutorial.Concurrency.Diagnostics' <c>GoProgram</c>); ignored outside such a program.</param>
    /// <returns>A bounded channel whose writers wait while it is full.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative (Go: <c>makechan: size out of range</c>).</exception>
    public static Channel<T> Make<T>(int capacity = 0, string? name = null)
    {
        if (capacity < 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "makechan: size out of range (a channel's capacity must be 0 or more)");

        // Inside a watched program (the deadlock detector) the channel reports its waits.
        // Since .NET 10 a capacity of 0 is a true rendezvous channel, exactly Go's unbuffered channel.
        return Watcher.Active?.TryMakeChannel<T>(capacity, name)
            ?? Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
    }

    // A channel with no capacity limit: sends never wait. Go has no such channel and no lesson needs one; tests and
    // benchmarks compare against it.
    internal static Channel<T> MakeUnbounded<T>(string? name = null)
        => Watcher.Active?.TryMakeChannel<T>(null, name) ?? Channel.CreateUnbounded<T>();
}
