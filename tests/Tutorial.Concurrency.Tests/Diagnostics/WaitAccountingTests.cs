using Tutorial.Concurrency.Diagnostics;

namespace Tutorial.Concurrency.Tests.Diagnostics;

/// <summary>
/// The detector's two counts, checked directly: a goroutine is parked from the moment a watched operation has to wait
/// until that operation has completed, and the program knows how many threads are running its code.
/// </summary>
[Collection(DetectorCollection.Name)]
public sealed class WaitAccountingTests
{
    private static readonly TimeSpan Eventually = TimeSpan.FromSeconds(5);

    // The end of a wait is recorded by a callback that may run on the thread pool a moment after the hand-over, so these
    // tests assert that the count gets there (with a timeout as a safety net), not that it is there at the very instant.
    private static void EventuallyEqual(int expected, Func<int> actual, string what) =>
        Assert.True(SpinWait.SpinUntil(() => actual() == expected, Eventually), $"{what}: expected {expected}, still {actual()} after {Eventually}");

    [Fact]
    public async Task A_blocked_writer_is_parked_until_a_reader_takes_its_value()
    {
        await Watched.Run(async go =>
        {
            var channel = Chan.Make<int>(name: "c");
            var writeStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            go.Go("writer", async () =>
            {
                var write = channel.Writer.WriteAsync(1);
                writeStarted.SetResult();
                await write;
                written.SetResult();
            });
            // Unwatched waits: main counts as running meanwhile, never as parked.
            await writeStarted.Task;
            Assert.Equal(1, go.ParkedCount);

            Assert.True(channel.Reader.TryRead(out var value));
            Assert.Equal(1, value);
            await written.Task;
            Assert.Equal(0, go.ParkedCount);
        });
    }

    [Fact]
    public async Task A_writer_waiting_for_room_is_parked_until_a_reader_frees_some()
    {
        await Watched.Run(async go =>
        {
            var channel = Chan.Make<int>(1, "c");
            await channel.Writer.WriteAsync(0);
            var waitStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            go.Go("writer", async () =>
            {
                var wait = channel.Writer.WaitToWriteAsync();
                waitStarted.SetResult();
                Assert.True(await wait);
            });
            await waitStarted.Task;
            Assert.Equal(1, go.ParkedCount);

            Assert.True(channel.Reader.TryRead(out _));
            EventuallyEqual(0, () => go.ParkedCount, "parked goroutines after the reader freed room");
        });
    }

    [Fact]
    public async Task Closing_a_channel_ends_every_wait_on_it_and_cancelling_ends_a_cancellable_one()
    {
        await Watched.Run(async go =>
        {
            var channel = Chan.Make<int>(name: "c");
            using var cancelRead = new CancellationTokenSource();
            var started = new CountdownEvent(2);
            go.Go("writer", async () =>
            {
                var write = channel.Writer.WriteAsync(1);
                started.Signal();
                await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(async () => await write);
            });
            go.Go("reader", async () =>
            {
                var read = Chan.Make<int>(name: "other").Reader.ReadAsync(cancelRead.Token);
                started.Signal();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await read);
            });
            await Task.Run(() => started.Wait(Watched.SafetyNet));
            Assert.Equal(2, go.ParkedCount);

            channel.Writer.Complete();
            EventuallyEqual(1, () => go.ParkedCount, "parked goroutines after the close");
            await cancelRead.CancelAsync();
            EventuallyEqual(0, () => go.ParkedCount, "parked goroutines after the cancellation");
        });
    }

    [Fact]
    public async Task The_program_counts_the_threads_that_run_its_code_and_no_others()
    {
        GoProgram? program = null;
        var spinning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopSpinning = new ManualResetEventSlim();
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Watched.Run(async go =>
        {
            program = go;
            go.Go("spinner", () =>
            {
                spinning.SetResult();
                stopSpinning.Wait(Watched.SafetyNet); // a thread held by the program's code
            });
            await finish.Task;
        });

        // This test's own code runs outside the program, so only the program's threads are counted.
        await spinning.Task;
        EventuallyEqual(1, () => program!.RunningThreads, "threads running the program's code while the spinner holds one");
        stopSpinning.Set();
        EventuallyEqual(0, () => program!.RunningThreads, "threads running the program's code once it only waits");
        finish.SetResult();
        await run;
    }
}
