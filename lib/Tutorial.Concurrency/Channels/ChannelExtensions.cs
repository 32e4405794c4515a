using System.Threading.Channels;

namespace Tutorial.Concurrency;

/// <summary>Go's channel words (send, receive with ok, close) as thin extensions over System.Threading.Channels.</summary>
public static class ChannelExtensions
{
    /// <summary>Go's <c>ch &lt;- value</c>: waits for room (or, on an unbuffered channel, for a receiver) and sends.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="writer">The channel's writer.</param>
    /// <param name="value">The value to send.</param>
    /// <param name="cancellationToken">Abandons the send.</param>
    /// <returns>A task that completes once the channel has accepted the value.</returns>
    /// <exception cref="ChannelClosedException">The channel is closed: <c>send on closed channel</c>.</exception>
    public static async ValueTask SendAsync<T>(this ChannelWriter<T> writer, T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        try
        {
            await writer.WriteAsync(value, cancellationToken);
        }
        catch (ChannelClosedException e)
        {
            throw new ChannelClosedException("send on closed channel", e.InnerException ?? e);
        }
    }

    /// <summary>
    /// Go's <c>v, ok := &lt;-ch</c>: waits for a value; once the channel is closed and drained, returns <c>(default, false)</c>,
    /// Go's zero value. While it waits it is parked in <c>ReadAsync</c>, so on an unbuffered channel a sender's
    /// <c>TryWrite</c> (Go's non-blocking send) sees it and hands the value straight over, as in Go.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="reader">The channel's reader.</param>
    /// <param name="cancellationToken">Abandons the receive.</param>
    /// <returns>The value and <c>true</c>, or <c>default</c> and <c>false</c> when no value will ever come.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="Exception">The channel was closed with an error (see <see cref="CloseWithError{T}"/>): that error, once the values sent before it are drained.</exception>
    public static async ValueTask<(T? Value, bool Ok)> ReceiveAsync<T>(this ChannelReader<T> reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.TryRead(out var ready))
            return (ready, true);
        // Closed and drained: answer without an exception (the common end of a loop).
        if (reader.Completion.IsCompleted)
            return CompletedOrThrow<T>(reader.Completion);
        try
        {
            return (await reader.ReadAsync(cancellationToken), true);
        }
        catch (ChannelClosedException)
        {
            // Closed while we were parked: a clean close ends with ok = false, a close with an error rethrows that error.
            return CompletedOrThrow<T>(reader.Completion);
        }
    }

    private static (T? Value, bool Ok) CompletedOrThrow<T>(Task completion)
    {
        // Completion is done here: with an error it is faulted, and GetResult throws that very error (not a wrapper).
        completion.GetAwaiter().GetResult();
        return (default, false);
    }

    /// <summary>Go's <c>close(ch)</c>: no more values will be sent; receivers drain what is queued, then see the end.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="writer">The channel's writer.</param>
    /// <exception cref="ChannelClosedException">The channel is already closed: <c>close of closed channel</c>.</exception>
    public static void Close<T>(this ChannelWriter<T> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!writer.TryComplete())
            throw new ChannelClosedException("close of closed channel");
    }

    /// <summary>Closes the channel with an error that receivers will see once they have drained it. Go has no such thing; it is how .NET pipelines pass a failure downstream.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="writer">The channel's writer.</param>
    /// <param name="error">The error readers will see.</param>
    /// <exception cref="ChannelClosedException">The channel is already closed: <c>close of closed channel</c>.</exception>
    public static void CloseWithError<T>(this ChannelWriter<T> writer, Exception error)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(error);
        if (!writer.TryComplete(error))
            throw new ChannelClosedException("close of closed channel");
    }

    /// <summary>Receives everything until the channel is closed and drained and returns it in arrival order, the way a Go
    /// <c>for v := range ch</c> loop would collect it (each wait is a <see cref="ReceiveAsync{T}"/>).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="reader">The channel's reader.</param>
    /// <param name="cancellationToken">Abandons the reading.</param>
    /// <returns>Every value received, in the order received.</returns>
    /// <exception cref="Exception">The channel was closed with an error: that error, after the values before it were read.</exception>
    public static async Task<List<T>> ToListAsync<T>(this ChannelReader<T> reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var items = new List<T>();
        while (true)
        {
            var (item, ok) = await reader.ReceiveAsync(cancellationToken);
            if (!ok)
                return items;
            items.Add(item!);
        }
    }
}
