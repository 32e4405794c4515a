using System.Threading.Channels;

namespace Tutorial.Lab;

// The learner's side of a channel a Trial created: the reader of a Source, the writer of a Sink. Each asynchronous
// operation first waits a random moment (none, a yield, 1 or 2 ms), so hand-overs happen in a different order on every
// run, and is registered with the trial while it waits, so a stuck run can say what it was waiting on. Items taken and
// delivered are counted for the in-flight check. The semantics are the inner channel's: nothing is dropped or reordered.

internal sealed class TrialReader<T>(Channel<T> inner, string name, Trial trial) : ChannelReader<T>
{
    public override Task Completion => inner.Reader.Completion;

    public override bool CanCount => inner.Reader.CanCount;

    public override int Count => inner.Reader.Count;

    public override bool CanPeek => inner.Reader.CanPeek;

    public override bool TryPeek(out T item) => inner.Reader.TryPeek(out item!);

    public override bool TryRead(out T item)
    {
        if (!inner.Reader.TryRead(out item!))
            return false;
        trial.Taken();
        return true;
    }

    public override async ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        await trial.PauseAsync();
        using (trial.Waiting($"a read from '{name}'"))
            return await inner.Reader.WaitToReadAsync(cancellationToken);
    }

    public override async ValueTask<T> ReadAsync(CancellationToken cancellationToken = default)
    {
        await trial.PauseAsync();
        T item;
        using (trial.Waiting($"a read from '{name}'"))
            item = await inner.Reader.ReadAsync(cancellationToken);
        trial.Taken();
        return item;
    }
}

internal sealed class TrialWriter<T>(Channel<T> inner, string name, Trial trial) : ChannelWriter<T>
{
    public bool Completed { get; private set; }

    public override bool TryComplete(Exception? error = null)
    {
        Completed = true;
        return inner.Writer.TryComplete(error);
    }

    public override bool TryWrite(T item)
    {
        if (!inner.Writer.TryWrite(item))
            return false;
        trial.Delivered();
        return true;
    }

    public override async ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default)
    {
        await trial.PauseAsync();
        using (trial.Waiting($"a write to '{name}'"))
            return await inner.Writer.WaitToWriteAsync(cancellationToken);
    }

    public override async ValueTask WriteAsync(T item, CancellationToken cancellationToken = default)
    {
        await trial.PauseAsync();
        using (trial.Waiting($"a write to '{name}'"))
            await inner.Writer.WriteAsync(item, cancellationToken);
        trial.Delivered();
    }
}
