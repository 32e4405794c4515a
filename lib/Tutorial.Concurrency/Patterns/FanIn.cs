using System.Threading.Channels;

namespace Tutorial.Concurrency;

/// <summary>Fan-in: merges several channels into one, the way a Go program starts one forwarding goroutine per input.</summary>
public static class FanIn
{
    /// <summary>
    /// Merges <paramref name="inputs"/> into one reader that yields every item of every input and completes once
    /// all inputs have completed. Items keep their order within one input; across inputs they interleave.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="inputs">The channels to merge.</param>
    /// <returns>The merged reader. If an input completes with an error, the merged reader completes with that error after the other inputs are drained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or one of its elements is null.</exception>
    public static ChannelReader<T> Merge<T>(params ChannelReader<T>[] inputs) => Merge((IEnumerable<ChannelReader<T>>)inputs);

    // The cancellable form (tests): cancelling stops forwarding, and the merged channel then completes with an
    // OperationCanceledException.
    internal static ChannelReader<T> Merge<T>(IEnumerable<ChannelReader<T>> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var sources = inputs.ToArray();
        for (var i = 0; i < sources.Length; i++)
        {
            if (sources[i] is null)
                throw new ArgumentNullException(nameof(inputs), $"Input channel {i} is null.");
        }

        // Capacity 1 keeps backpressure: a slow reader of the merged channel slows every input's forwarder.
        var watcher = Watcher.Active;
        var merged = watcher?.TryMakeChannel<T>(1, "fan-in merged") ?? Channel.CreateBounded<T>(1);
        var errors = new Exception?[sources.Length];
        var forwarders = new Task[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            var index = i;
            // One forwarder per input, as a Go program starts one goroutine per input; watched inside a watched program.
            Func<Task> forward = async () => errors[index] = await ForwardAsync(sources[index], merged.Writer, cancellationToken);
            forwarders[i] = watcher?.TryStartGoroutine($"fan-in forwarder {i + 1}", forward) ?? forward();
        }
        // The closer. An input's error wins over a cancellation; either way the reader learns the merge did not finish,
        // rather than seeing a merge that looks as if it delivered everything.
        _ = Task.WhenAll(forwarders).ContinueWith(
            _ => merged.Writer.TryComplete(
                errors.FirstOrDefault(e => e is not null and not OperationCanceledException) ?? errors.FirstOrDefault(e => e is not null)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return merged.Reader;
    }

    // Moves every item of one input to the merged channel; returns how it ended instead of throwing (null: the input was
    // drained), so that a failing input cannot look like a crashed goroutine.
    private static async Task<Exception?> ForwardAsync<T>(ChannelReader<T> source, ChannelWriter<T> target, CancellationToken cancellationToken)
    {
        try
        {
            while (await source.WaitToReadAsync(cancellationToken))
            {
                while (source.TryRead(out var item))
                    await target.WriteAsync(item, cancellationToken);
            }
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException("Merging was cancelled before every input completed.", cancellationToken);
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
