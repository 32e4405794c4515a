using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Tutorial.Concurrency.Tests.Channels;

public class ChanTests
{
    [Fact]
    public void Unbuffered_channel_refuses_TryWrite_when_no_reader_is_waiting()
    {
        var ch = Chan.Make<int>();

        Assert.False(ch.Writer.TryWrite(1));
        Assert.False(ch.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Unbuffered_channel_hands_a_value_to_a_waiting_reader()
    {
        var ch = Chan.Make<int>(0);

        var reading = ch.Reader.ReadAsync().AsTask();
        Assert.True(ch.Writer.TryWrite(7));

        Assert.Equal(7, await reading.Within());
    }

    [Fact]
    public async Task Unbuffered_send_completes_only_when_a_reader_takes_the_value()
    {
        var ch = Chan.Make<string>();

        var sending = ch.Writer.SendAsync("hello").AsTask();
        await Safety.AssertStaysPending(sending);

        var (value, ok) = await ch.Reader.ReceiveAsync().Within();

        Assert.True(ok);
        Assert.Equal("hello", value);
        await sending.Within();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public async Task Buffered_channel_holds_exactly_capacity_values_before_senders_wait(int capacity)
    {
        var ch = Chan.Make<int>(capacity);

        for (var i = 0; i < capacity; i++)
            Assert.True(ch.Writer.TryWrite(i), $"value {i} should fit in a buffer of {capacity}");
        Assert.False(ch.Writer.TryWrite(capacity));

        var blocked = ch.Writer.SendAsync(capacity).AsTask();
        await Safety.AssertStaysPending(blocked);

        Assert.Equal(0, await ch.Reader.ReadAsync().AsTask().Within());
        await blocked.Within();
        Assert.Equal(capacity, ch.Reader.Count);
    }

    [Fact]
    public void Negative_capacity_throws_Go_message()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Chan.Make<int>(-1));

        Assert.Equal("capacity", error.ParamName);
        Assert.Contains("makechan: size out of range", error.Message);
        Assert.Equal(-1, error.ActualValue);
    }

    [Fact]
    public void Unbounded_channel_never_refuses_a_write()
    {
        var ch = Chan.MakeUnbounded<int>();

        for (var i = 0; i < 10_000; i++)
            Assert.True(ch.Writer.TryWrite(i));
        Assert.Equal(10_000, ch.Reader.Count);
    }

    [Fact]
    public async Task SendAsync_on_a_closed_channel_throws_send_on_closed_channel()
    {
        var ch = Chan.Make<int>(1);
        ch.Writer.Close();

        var error = await Assert.ThrowsAsync<ChannelClosedException>(() => ch.Writer.SendAsync(1).Within());

        Assert.Equal("send on closed channel", error.Message);
    }

    [Fact]
    public async Task A_send_waiting_for_room_fails_when_the_channel_is_closed()
    {
        var ch = Chan.Make<int>();
        var sending = ch.Writer.SendAsync(1).AsTask();
        await Safety.AssertStaysPending(sending);

        ch.Writer.Close();

        var error = await Assert.ThrowsAsync<ChannelClosedException>(() => sending.Within());
        Assert.Equal("send on closed channel", error.Message);
    }

    [Fact]
    public async Task SendAsync_honours_cancellation_while_waiting()
    {
        var ch = Chan.Make<int>();
        using var cts = new CancellationTokenSource();
        var sending = ch.Writer.SendAsync(1, cts.Token).AsTask();

        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.Within());
        Assert.False(ch.Writer.TryWrite(2)); // still a rendezvous channel with no reader: the cancelled value was not left behind
    }

    [Fact]
    public void Close_twice_throws_close_of_closed_channel()
    {
        var ch = Chan.Make<int>();
        ch.Writer.Close();

        Assert.Equal("close of closed channel", Assert.Throws<ChannelClosedException>(ch.Writer.Close).Message);
        Assert.Equal("close of closed channel", Assert.Throws<ChannelClosedException>(() => ch.Writer.CloseWithError(new InvalidOperationException())).Message);
    }

    [Fact]
    public void CloseWithError_twice_throws_close_of_closed_channel()
    {
        var ch = Chan.Make<int>();
        ch.Writer.CloseWithError(new InvalidOperationException("first"));

        Assert.Equal("close of closed channel", Assert.Throws<ChannelClosedException>(() => ch.Writer.CloseWithError(new InvalidOperationException("second"))).Message);
        Assert.Equal("close of closed channel", Assert.Throws<ChannelClosedException>(ch.Writer.Close).Message);
    }

    [Fact]
    public async Task ReceiveAsync_returns_values_then_default_and_false_once_closed_and_drained()
    {
        var ch = Chan.Make<int>(2);
        await ch.Writer.SendAsync(1);
        await ch.Writer.SendAsync(2);
        ch.Writer.Close();

        Assert.Equal((1, true), await ch.Reader.ReceiveAsync().Within());
        Assert.Equal((2, true), await ch.Reader.ReceiveAsync().Within());
        Assert.Equal((0, false), await ch.Reader.ReceiveAsync().Within());
        Assert.Equal((0, false), await ch.Reader.ReceiveAsync().Within());
    }

    [Fact]
    public async Task ReceiveAsync_waits_for_a_value_and_reports_close_to_a_waiting_receiver()
    {
        var ch = Chan.Make<string>(1);

        var first = ch.Reader.ReceiveAsync().AsTask();
        await Safety.AssertStaysPending(first);
        await ch.Writer.SendAsync("x");
        Assert.Equal(("x", true), await first.Within());

        var second = ch.Reader.ReceiveAsync().AsTask();
        await Safety.AssertStaysPending(second);
        ch.Writer.Close();
        Assert.Equal(((string?)null, false), await second.Within());
    }

    [Fact]
    public async Task ReceiveAsync_honours_cancellation()
    {
        var ch = Chan.Make<int>();
        using var cts = new CancellationTokenSource();
        var receiving = ch.Reader.ReceiveAsync(cts.Token).AsTask();

        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiving.Within());
    }

    [Fact]
    public async Task CloseWithError_lets_readers_drain_then_surfaces_the_error()
    {
        var ch = Chan.Make<int>(2);
        var upstream = new InvalidOperationException("upstream failed");
        await ch.Writer.SendAsync(1);
        ch.Writer.CloseWithError(upstream);

        Assert.Equal((1, true), await ch.Reader.ReceiveAsync().Within());
        Assert.Same(upstream, await Assert.ThrowsAsync<InvalidOperationException>(() => ch.Reader.ReceiveAsync().Within()));
        Assert.Same(upstream, await Assert.ThrowsAsync<InvalidOperationException>(() => ch.Reader.ToListAsync().Within()));
        Assert.Same(upstream, await Assert.ThrowsAsync<InvalidOperationException>(() => ch.Reader.Completion.Within()));
    }

    [Fact]
    public async Task Send_on_a_channel_closed_with_an_error_carries_that_error_as_inner_exception()
    {
        var ch = Chan.Make<int>(1);
        var upstream = new InvalidOperationException("upstream failed");
        ch.Writer.CloseWithError(upstream);

        var error = await Assert.ThrowsAsync<ChannelClosedException>(() => ch.Writer.SendAsync(1).Within());

        Assert.Equal("send on closed channel", error.Message);
        Assert.Same(upstream, error.InnerException);
    }

    [Fact]
    public async Task Extensions_reject_null_arguments()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => ((ChannelWriter<int>)null!).SendAsync(1).Within());
        await Assert.ThrowsAsync<ArgumentNullException>(() => ((ChannelReader<int>)null!).ReceiveAsync().Within());
        await Assert.ThrowsAsync<ArgumentNullException>(() => ((ChannelReader<int>)null!).ToListAsync().Within());
        Assert.Throws<ArgumentNullException>(() => ((ChannelWriter<int>)null!).Close());
        Assert.Throws<ArgumentNullException>(() => ((ChannelWriter<int>)null!).CloseWithError(new InvalidOperationException()));
        Assert.Equal("error", Assert.Throws<ArgumentNullException>(() => Chan.Make<int>().Writer.CloseWithError(null!)).ParamName);
    }

    [Fact]
    public async Task ToListAsync_returns_everything_in_arrival_order()
    {
        var ch = Chan.MakeUnbounded<int>();
        for (var i = 0; i < 100; i++)
            await ch.Writer.SendAsync(i);
        ch.Writer.Close();

        Assert.Equal(Enumerable.Range(0, 100), await ch.Reader.ToListAsync().Within());
    }

    [Fact]
    public async Task ToListAsync_of_a_closed_empty_channel_is_empty()
    {
        var ch = Chan.Make<int>();
        ch.Writer.Close();

        Assert.Empty(await ch.Reader.ToListAsync().Within());
    }

    [Fact]
    public async Task ToListAsync_waits_for_close_and_honours_cancellation()
    {
        var ch = Chan.Make<int>(4);
        await ch.Writer.SendAsync(1);
        using var cts = new CancellationTokenSource();

        var listing = ch.Reader.ToListAsync(cts.Token);
        await Safety.AssertStaysPending(listing);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing.Within());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    public async Task Each_producers_values_arrive_in_the_order_it_sent_them(int capacity)
    {
        const int producers = 4, perProducer = 1_000;
        var ch = Chan.Make<(int Producer, int Seq)>(capacity);
        var wg = new WaitGroup();
        for (var p = 0; p < producers; p++)
        {
            var producer = p;
            wg.Go(async () =>
            {
                for (var i = 0; i < perProducer; i++)
                    await ch.Writer.SendAsync((producer, i));
            });
        }
        var closer = Task.Run(async () =>
        {
            await wg.WaitAsync();
            ch.Writer.Close();
        });

        var received = await ch.Reader.ToListAsync().Within();
        await closer.Within();

        Assert.Equal(producers * perProducer, received.Count);
        for (var p = 0; p < producers; p++)
            Assert.Equal(Enumerable.Range(0, perProducer), received.Where(r => r.Producer == p).Select(r => r.Seq));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public async Task Stress_many_producers_and_consumers_deliver_every_item_exactly_once(int capacity)
    {
        const int producers = 8, consumers = 8, perProducer = 2_000;
        var ch = Chan.Make<int>(capacity);
        var received = new ConcurrentBag<int>();

        var producing = new WaitGroup();
        for (var p = 0; p < producers; p++)
        {
            var first = p * perProducer;
            producing.Go(async () =>
            {
                for (var i = 0; i < perProducer; i++)
                    await ch.Writer.SendAsync(first + i);
            });
        }
        var consuming = Enumerable.Range(0, consumers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var (value, ok) = await ch.Reader.ReceiveAsync();
                if (!ok)
                    return;
                received.Add(value);
            }
        })).ToArray();

        await producing.WaitAsync().Within();
        ch.Writer.Close();
        await Task.WhenAll(consuming).Within();

        Assert.Equal(Enumerable.Range(0, producers * perProducer), received.Order());
    }
}
