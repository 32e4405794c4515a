namespace Tutorial.Concurrency.Tests.Diagnostics;

/// <summary>
/// A hand-over marks the waiting side runnable at the instant it happens, not when its continuation later runs: this is
/// what keeps "a send that wakes a receiver" from ever being seen as "both blocked" on a busy thread pool.
/// </summary>
public sealed class HandOverTests
{
    [Fact]
    public async Task Reading_a_blocked_writers_value_releases_the_writer_at_once()
    {
        // System.Threading.Channels completes a blocked writer asynchronously, so only the reader's side can record it in time.
        await Watched.Run(async go =>
        {
            var channel = Chan.Make<int>(name: "c");
            var writeStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            go.Go("writer", async () =>
            {
                var write = channel.Writer.WriteAsync(1);
                writeStarted.SetResult();
                await write;
            });
            // An unwatched wait: main counts as running meanwhile.
            await writeStarted.Task.WaitAsync(Watched.SafetyNet);
            Assert.Equal(1, go.ParkedCount);

            Assert.True(channel.Reader.TryRead(out var value));
            Assert.Equal(1, value);
            Assert.Equal(0, go.ParkedCount);
        });
    }

    [Fact]
    public async Task Writing_to_a_reader_blocked_with_the_programs_token_releases_the_reader_at_once()
    {
        // A read given a cancellable token is also completed asynchronously by the channel.
        await Watched.Run(async go =>
        {
            var channel = Chan.Make<int>(name: "c");
            var readStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var received = Chan.Make<int>(1, "received");
            go.Go("reader", async () =>
            {
                var read = channel.Reader.ReadAsync(go.CancellationToken);
                readStarted.SetResult();
                await received.Writer.WriteAsync(await read);
            });
            await readStarted.Task.WaitAsync(Watched.SafetyNet);
            Assert.Equal(1, go.ParkedCount);

            Assert.True(channel.Writer.TryWrite(5));
            Assert.Equal(0, go.ParkedCount);
            Assert.Equal(5, await received.Reader.ReadAsync());
        });
    }

    [Fact]
    public async Task Freeing_room_in_a_full_buffer_releases_a_writer_waiting_to_write_at_once()
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
            await waitStarted.Task.WaitAsync(Watched.SafetyNet);
            Assert.Equal(1, go.ParkedCount);

            Assert.True(channel.Reader.TryRead(out _));
            Assert.Equal(0, go.ParkedCount);
        });
    }

    [Fact]
    public async Task Closing_a_channel_releases_everyone_waiting_on_it_at_once()
    {
        await Watched.Run(async go =>
        {
            var channel = Chan.Make<int>(name: "c");
            var started = new CountdownEvent(2);
            go.Go("writer", async () =>
            {
                var write = channel.Writer.WriteAsync(1);
                started.Signal();
                await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(async () => await write);
            });
            go.Go("reader", async () =>
            {
                var read = Chan.Make<int>(name: "other").Reader.ReadAsync(go.CancellationToken);
                started.Signal();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await read);
            });
            await Task.Run(() => started.Wait(Watched.SafetyNet)).WaitAsync(Watched.SafetyNet);
            Assert.Equal(2, go.ParkedCount);

            channel.Writer.Complete();
            Assert.Equal(1, go.ParkedCount);
        });
    }
}
