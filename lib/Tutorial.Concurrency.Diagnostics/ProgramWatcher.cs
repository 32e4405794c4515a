using System.Threading.Channels;

namespace Tutorial.Concurrency.Diagnostics;

/// <summary>What the library's hooks reach once <see cref="GoProgram"/> has attached it: inside a program, watched
/// channels, goroutines and WaitGroup waits; outside one, nothing (the library then does what it always does).</summary>
internal sealed class ProgramWatcher : Watcher
{
    internal static readonly Watcher Instance = Attach(new ProgramWatcher());

    internal override Channel<T>? TryMakeChannel<T>(int? capacity, string? name) =>
        Goroutine.Current is { } creator ? WatchedChannel.Create<T>(creator.Program, capacity, name) : null;

    internal override Task? TryStartGoroutine(string name, Func<Task> work) =>
        Goroutine.Current is { } parent ? parent.Program.Start(name, work, isMain: false) : null;

    internal override void WaitGroupWaiting(WaitGroup group, Task wait)
    {
        if (Goroutine.Current is { } goroutine)
            new WaitGroupWait(group, wait).Watch(goroutine);
    }

    internal override IDisposable? BlockingThread() => Goroutine.Current?.Program.ThreadBlocked();
}
