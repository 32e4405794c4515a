using System.Threading.Channels;

namespace Tutorial.Concurrency.Tests.GoPorts;

/// <summary>
/// Go's own channel tests (src/runtime/chan_test.go), rewritten for the library: what Go promises of a channel, checked
/// on <see cref="Chan.Make{T}(int, string?)"/>, <see cref="ChannelExtensions.ReceiveAsync{T}"/> and <see cref="Select"/>.
/// Where Go's test sleeps a millisecond to let a goroutine block, these look at the pending operation itself. Tests that
/// cannot be expressed are listed in GoPorts/README.md with the reason.
/// </summary>
public sealed class ChanPortTests
{
    private static readonly int[] Capacities = [0, 1, 2, 3, 10, 19];

    public static TheoryData<int> Caps() => new(Capacities);

    // TestChan: "Ensure that receive from empty chan blocks" and "that non-blocking receive does not block".
    [Theory]
    [MemberData(nameof(Caps))]
    public async Task Receive_from_an_empty_channel_waits_and_a_non_blocking_receive_takes_the_default(int capacity)
    {
        var c = Chan.Make<int>(capacity);
        var plain = c.Reader.ReadAsync().AsTask();
        var withOk = c.Reader.ReceiveAsync().AsTask();
        Assert.False(plain.IsCompleted);
        Assert.False(withOk.IsCompleted);

        var took = "";
        await Select.WaitAsync(Select.Receive(c.Reader, (_, _) => took = "a value"), Select.Default(() => took = "default")).Within();
        Assert.Equal("default", took);

        await c.Writer.WriteAsync(0).Within();
        await c.Writer.WriteAsync(0).Within();
        Assert.Equal(0, await plain.Within());
        Assert.Equal((0, true), await withOk.Within());
    }

    // TestChan: "Ensure that send to full chan blocks" and "that non-blocking send does not block".
    [Theory]
    [MemberData(nameof(Caps))]
    public async Task Send_to_a_full_channel_waits_and_a_non_blocking_send_gives_up(int capacity)
    {
        var c = Chan.Make<int>(capacity);
        for (var i = 0; i < capacity; i++)
            await c.Writer.WriteAsync(i).Within();
        var blocked = c.Writer.WriteAsync(0).AsTask();
        Assert.False(blocked.IsCompleted);
        Assert.False(c.Writer.TryWrite(0));

        await c.Reader.ReadAsync().Within();
        await blocked.Within();
    }

    // TestChan: "Ensure that we receive 0 from closed chan": queued values first, in order, then Go's zero value.
    [Theory]
    [MemberData(nameof(Caps))]
    public async Task A_closed_channel_gives_its_queued_values_then_the_zero_value_with_ok_false(int capacity)
    {
        var c = Chan.Make<int>(capacity);
        for (var i = 0; i < capacity; i++)
            await c.Writer.WriteAsync(i + 1).Within();
        c.Writer.Close();
        for (var i = 0; i < capacity; i++)
            Assert.Equal((i + 1, true), await c.Reader.ReceiveAsync().Within());
        Assert.Equal((0, false), await c.Reader.ReceiveAsync().Within());
        Assert.Equal((0, false), await c.Reader.ReceiveAsync().Within());
    }

    // TestChan: "Ensure that close unblocks receive".
    [Theory]
    [MemberData(nameof(Caps))]
    public async Task Close_ends_a_waiting_receive_with_the_zero_value(int capacity)
    {
        var c = Chan.Make<string>(capacity);
        var receive = c.Reader.ReceiveAsync().AsTask();
        Assert.False(receive.IsCompleted);
        c.Writer.Close();
        Assert.Equal((null, false), await receive.Within());
    }

    // TestChan: "Send 100 integers, ensure that we receive them non-corrupted in FIFO order", with both receive forms.
    [Theory]
    [MemberData(nameof(Caps))]
    public async Task One_sender_one_receiver_keeps_FIFO_order(int capacity)
    {
        var c = Chan.Make<int>(capacity);
        var sender = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
                await c.Writer.WriteAsync(i);
        });
        for (var i = 0; i < 100; i++)
            Assert.Equal(i, await c.Reader.ReadAsync().Within());
        for (var i = 100; i < 200; i++)
            Assert.Equal((i, true), await c.Reader.ReceiveAsync().Within());
        await sender.Within();
    }

    // TestChan: "Send 1000 integers in 4 goroutines, ensure that we receive what we send".
    [Theory]
    [MemberData(nameof(Caps))]
    public async Task Four_senders_and_four_receivers_deliver_every_value_once_per_sender(int capacity)
    {
        const int Senders = 4, Values = 1000;
        var c = Chan.Make<int>(capacity);
        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < Values; i++)
                await c.Writer.WriteAsync(i);
        })).ToArray();
        var receivers = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            var seen = new List<int>(Values);
            for (var i = 0; i < Values; i++)
                seen.Add(await c.Reader.ReadAsync());
            return seen;
        })).ToArray();

        var all = (await Task.WhenAll(receivers).Within()).SelectMany(s => s).ToList();
        await Task.WhenAll(senders).Within();
        Assert.Equal(Values, all.Distinct().Count());
        Assert.All(all.GroupBy(v => v), g => Assert.Equal(Senders, g.Count()));
    }

    // TestChan: "Test len/cap" - len is Count; cap is what was passed to Chan.Make (.NET does not expose it).
    [Theory]
    [MemberData(nameof(Caps))]
    public async Task Count_is_Gos_len(int capacity)
    {
        var c = Chan.Make<int>(capacity);
        Assert.Equal(0, c.Reader.Count);
        for (var i = 0; i < capacity; i++)
            await c.Writer.WriteAsync(i).Within();
        Assert.Equal(capacity, c.Reader.Count);
    }

    // TestNonblockRecvRace: a buffered value, then close: a non-blocking receive is always ready (a value or closed).
    [Fact]
    public async Task A_non_blocking_receive_on_a_channel_with_a_value_or_closed_never_takes_the_default()
    {
        for (var i = 0; i < 2000; i++)
        {
            var c = Chan.Make<int>(1);
            await c.Writer.WriteAsync(1);
            var tookDefault = false;
            var racer = Task.Run(() => Select.WaitAsync(Select.Receive(c.Reader, (_, _) => { }), Select.Default(() => tookDefault = true)));
            c.Writer.Close();
            await c.Reader.ReceiveAsync().Within();
            await racer.Within();
            Assert.False(tookDefault, $"iteration {i}: the select took the default although the channel was ready");
        }
    }

    // TestNonblockSelectRace and TestNonblockSelectRace2: from the moment the selecting task starts, one of the two
    // channels is always ready, so a select with a default must never take the default.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_select_sees_the_channels_at_one_moment_not_over_a_smeared_window(bool closeSecond)
    {
        for (var i = 0; i < 2000; i++)
        {
            var c1 = Chan.Make<int>(1);
            var c2 = Chan.Make<int>(closeSecond ? 0 : 1);
            await c1.Writer.WriteAsync(1);
            var tookDefault = false;
            var selector = Task.Run(() => Select.WaitAsync(
                Select.Receive(c1.Reader, (_, _) => { }), Select.Receive(c2.Reader, (_, _) => { }), Select.Default(() => tookDefault = true)));
            if (closeSecond)
                c2.Writer.Close();
            else
                await c2.Writer.WriteAsync(1);
            c1.Reader.TryRead(out _);
            await selector.Within();
            Assert.False(tookDefault, $"iteration {i}: no channel was ready to the select");
        }
    }

    // TestSelectStress, receive side: plain senders and receivers on four channels of different sizes, plus one task that
    // receives from all four with a select, dropping each channel (Go: setting it to nil) once it has had its share.
    // Go's fifth task sends with a select; sends are plain here (Select has no send cases), so four more plain senders.
    [Fact]
    public async Task Plain_and_select_receivers_on_four_channels_interleave_without_deadlock()
    {
        const int N = 5000;
        var c = new[] { Chan.Make<int>(0), Chan.Make<int>(0), Chan.Make<int>(2), Chan.Make<int>(3) };
        var tasks = new List<Task>();
        for (var k = 0; k < 4; k++)
        {
            var channel = c[k];
            for (var senders = 0; senders < 2; senders++)
            {
                tasks.Add(Task.Run(async () =>
                {
                    for (var i = 0; i < N; i++)
                        await channel.Writer.WriteAsync(0);
                }));
            }
            tasks.Add(Task.Run(async () =>
            {
                for (var i = 0; i < N; i++)
                    await channel.Reader.ReceiveAsync();
            }));
        }
        tasks.Add(Task.Run(async () =>
        {
            var counts = new int[4];
            var open = c.Select(ch => (ChannelReader<int>?)ch.Reader).ToArray();
            for (var i = 0; i < 4 * N; i++)
            {
                await Select.WaitAsync(Enumerable.Range(0, 4).Select(k => Select.Receive(open[k], (_, _) =>
                {
                    if (++counts[k] == N)
                        open[k] = null;
                })).ToArray());
            }
        }));
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));
    }

    // TestMultiConsumer: many workers range over one job channel; a feeder closes it and a closer closes the results.
    [Fact]
    public async Task Many_workers_ranging_over_one_channel_see_every_value_exactly_once()
    {
        const int Workers = 23, Iterations = 50_000;
        int[] values = [2, 3, 7, 11, 13, 17, 19, 23, 27, 31];
        var q = Chan.Make<int>(Workers * 3);
        var r = Chan.Make<int>(Workers * 3);
        var wg = new WaitGroup();
        for (var w = 0; w < Workers; w++)
        {
            var worker = w;
            wg.Go(async () =>
            {
                await foreach (var v in q.Reader.ReadAllAsync())
                {
                    if (values[worker % values.Length] == v)
                        await Task.Yield(); // disturb the channel's first-in-first-out feel, as Go's Gosched does
                    await r.Writer.WriteAsync(v);
                }
            });
        }
        var expected = 0L;
        var feeder = Task.Run(async () =>
        {
            for (var i = 0; i < Iterations; i++)
            {
                expected += values[i % values.Length];
                await q.Writer.WriteAsync(values[i % values.Length]);
            }
            q.Writer.Close();
            await wg.WaitAsync();
            r.Writer.Close();
        });
        long n = 0, sum = 0;
        await foreach (var v in r.Reader.ReadAllAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token))
        {
            n++;
            sum += v;
        }
        await feeder.Within();
        Assert.Equal((Iterations, expected), (n, sum));
    }

    // TestSelectDuplicateChannel: a select may wait on the same channel twice; when another case wins, its waits on that
    // channel are let go, so the next send reaches the other receiver waiting there.
    [Fact]
    public async Task A_select_waiting_twice_on_one_channel_lets_go_of_it_when_another_case_wins()
    {
        var c = Chan.Make<int>();
        var d = Chan.Make<int>();
        var e = Chan.Make<int>();
        var a = Task.Run(async () =>
        {
            await Select.WaitAsync(Select.Receive(c.Reader, (_, _) => { }), Select.Receive(c.Reader, (_, _) => { }), Select.Receive(d.Reader, (_, _) => { }));
            await e.Writer.WriteAsync(9);
        });
        var b = c.Reader.ReceiveAsync().AsTask();

        await d.Writer.WriteAsync(7).Within(); // wakes A
        Assert.Equal(9, await e.Reader.ReadAsync().Within());
        await c.Writer.WriteAsync(8).Within(); // must reach B, not A's abandoned waits
        Assert.Equal((8, true), await b.Within());
        await a.Within();
    }

    // TestSelectFairness: with two channels always ready, a select picks each about half the time.
    [Fact]
    public async Task A_select_between_two_ready_channels_picks_each_about_half_the_time()
    {
        const int Trials = 10_000;
        var c1 = Chan.Make<int>(Trials);
        var c2 = Chan.Make<int>(Trials);
        for (var i = 0; i < Trials; i++)
        {
            c1.Writer.TryWrite(1);
            c2.Writer.TryWrite(2);
        }
        var counts = new int[3];
        for (var i = 0; i < Trials; i++)
            await Select.WaitAsync(Select.Receive(c1.Reader, (v, _) => counts[v]++), Select.Receive(c2.Reader, (v, _) => counts[v]++));

        // Binomial(10,000, 1/2): standard deviation 50. Outside +-5 of them (4,750-5,250) would happen about once in
        // 1.7 million fair runs; a select that preferred its first case would be far outside.
        Assert.InRange(counts[1], 4_750, 5_250);
        Assert.Equal(Trials, counts[1] + counts[2]);
    }
}
