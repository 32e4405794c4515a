using System.Threading.Channels;

namespace Tutorial.Lab;

/// <summary>
/// A channel a check hands to the learner's code to write its output into (Go: a <c>chan&lt;- T</c> parameter). The check
/// reads it, at its own pace, until the learner's code completes the writer; see <see cref="Trial.Sink{T}"/>.
/// </summary>
/// <typeparam name="T">What the learner's code writes.</typeparam>
public sealed class Sink<T>
{
    private readonly List<T> _received = [];

    internal Sink(Channel<T> inner, string name, Trial trial, bool slow, int? take)
    {
        Writer = new TrialWriter<T>(inner, name, trial);
        Received = ReadAsync(inner.Reader, trial, slow, take ?? int.MaxValue);
    }

    /// <summary>The side to hand to the learner's code.</summary>
    public ChannelWriter<T> Writer { get; }

    /// <summary>
    /// Everything written, in arrival order, once the writer is completed (or once the check took as many items as it
    /// wanted); faults with the error the writer was completed with.
    /// </summary>
    public Task<IReadOnlyList<T>> Received { get; }

    // How many items have arrived so far.
    internal int Count
    {
        get
        {
            lock (_received)
                return _received.Count;
        }
    }

    internal bool Completed => ((TrialWriter<T>)Writer).Completed;

    private async Task<IReadOnlyList<T>> ReadAsync(ChannelReader<T> reader, Trial trial, bool slow, int take)
    {
        await Task.Yield(); // never run the learner's code inline on the check's thread
        while (Count < take && await reader.WaitToReadAsync())
        {
            if (!reader.TryRead(out var item))
                continue;
            lock (_received)
                _received.Add(item);
            if (slow)
                await Task.Delay(2); // a slow consumer: work that is not bounded piles up in front of it
            else
                await trial.PauseAsync();
        }
        lock (_received)
            return [.. _received];
    }
}
