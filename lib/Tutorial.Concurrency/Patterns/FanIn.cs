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
        var merged = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { SingleReader = false, SingleWriter = false });
        var forwarders = sources.Select(source => ForwardAsync(source, merged.Writer, cancellationToken)).ToArray();
        // A cancelled forwarder ends as a cancelled task, which has no Exception: complete with one explicitly, or a
        // cancelled merge would look to its reader like one that delivered everything.
        _ = Task.WhenAll(forwarders).ContinueWith(
            all => merged.Writer.TryComplete(all.IsCanceled
                ? new OperationCanceledException("Merging was cancelled before every input completed.", cancellationToken)
                : all.Exception?.InnerExceptions.FirstOrDefault()),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return merged.Reader;
    }

    private static async Task ForwardAsync<T>(ChannelReader<T> source, ChannelWriter<T> target, CancellationToken cancellationToken)
    {
        while (await source.WaitToReadAsync(cancellationToken))
        {
            while (source.TryRead(out var item))
                await target.WriteAsync(item, cancellationToken);
        }
    }
}
