using System.Threading.Channels;

namespace Tutorial.Concurrency.Tests.GoPorts;

/// <summary>Programs from Go's test/chan directory, rewritten for the library: each is correct Go, so each must run to
/// its end with the right answer.</summary>
public sealed class ChanProgramPortTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    // test/chan/nonblock.go, the send half: a non-blocking send keeps trying until a receiver is waiting. It works only if
    // a waiting receiver is visible to TryWrite, which ReceiveAsync (parked in ReadAsync) is.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    public async Task A_non_blocking_send_reaches_a_receiver_parked_in_ReceiveAsync(int capacity)
    {
        var c = Chan.Make<int>(capacity);
        var received = new List<int>();
        var receiver = Task.Run(async () =>
        {
            while (await c.Reader.ReceiveAsync() is (var v, true))
                received.Add(v);
        });
        for (var i = 0; i < 100; i++)
        {
            using var give = new CancellationTokenSource(Limit);
            while (!c.Writer.TryWrite(i)) // Go: select { case c <- i: default: runtime.Gosched() }
            {
                give.Token.ThrowIfCancellationRequested();
                await Task.Yield();
            }
        }
        c.Writer.Close();
        await receiver.WaitAsync(Limit);
        Assert.Equal(Enumerable.Range(0, 100), received);
    }

    // test/chan/nonblock.go, the receive half: a non-blocking receive keeps trying until a sender has sent.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    public async Task A_non_blocking_receive_gets_every_value_of_a_blocking_sender(int capacity)
    {
        var c = Chan.Make<int>(capacity);
        var sender = Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
                await c.Writer.WriteAsync(i);
        });
        var received = new List<int>();
        using var give = new CancellationTokenSource(Limit);
        while (received.Count < 100)
        {
            give.Token.ThrowIfCancellationRequested();
            await Select.WaitAsync(Select.Receive(c.Reader, (v, _) => received.Add(v)), Select.Default(() => { }));
            await Task.Yield();
        }
        await sender.WaitAsync(Limit);
        Assert.Equal(Enumerable.Range(0, 100), received);
    }

    // The fact behind the send half: a reader waiting in WaitToReadAsync (what ReadAllAsync does) is not seen by TryWrite
    // on an unbuffered channel. This is .NET's rendezvous channel, not the library; the lessons and Chan's docs say so.
    [Fact]
    public async Task On_an_unbuffered_channel_a_reader_waiting_in_WaitToReadAsync_is_invisible_to_TryWrite()
    {
        var c = Chan.Make<int>();
        var waiting = c.Reader.WaitToReadAsync().AsTask();
        Assert.False(waiting.IsCompleted);
        Assert.False(c.Writer.TryWrite(1));
        var parked = c.Reader.ReadAsync().AsTask();
        Assert.True(c.Writer.TryWrite(2));
        Assert.Equal(2, await parked.Within());
        c.Writer.Close();
        Assert.False(await waiting.Within());
    }

    // test/chan/doubleselect.go, receive side: several receivers select over the same four channels; every value sent is
    // received exactly once (a select must never take two values, or one twice).
    [Fact]
    public async Task Receivers_selecting_over_the_same_channels_get_every_value_exactly_once()
    {
        const int Values = 20_000;
        var channels = Enumerable.Range(0, 4).Select(_ => Chan.Make<int>()).ToArray();
        var sender = Task.Run(async () =>
        {
            for (var i = 0; i < Values; i++)
                await channels[i % 4].Writer.WriteAsync(i);
            foreach (var c in channels)
                c.Writer.Close();
        });
        var receivers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var mine = new List<int>();
            var open = channels.Select(c => (ChannelReader<int>?)c.Reader).ToArray();
            while (open.Any(c => c is not null))
            {
                await Select.WaitAsync(Enumerable.Range(0, 4).Select(k => Select.Receive(open[k], (v, ok) =>
                {
                    if (ok)
                        mine.Add(v);
                    else
                        open[k] = null; // Go: setting a closed channel to nil takes it out of the select
                })).ToArray());
            }
            return mine;
        })).ToArray();

        var all = (await Task.WhenAll(receivers).WaitAsync(Limit)).SelectMany(r => r).Order().ToList();
        await sender.WaitAsync(Limit);
        Assert.Equal(Enumerable.Range(0, Values), all);
    }

    // test/chan/sieve1.go: the concurrent prime sieve, a chain of filter goroutines joined by unbuffered channels.
    [Fact]
    public async Task The_concurrent_prime_sieve_finds_the_first_hundred_primes()
    {
        using var stop = new CancellationTokenSource();
        var generator = Chan.Make<int>();
        var tasks = new List<Task>
        {
            Task.Run(async () =>
            {
                for (var i = 2; ; i++)
                    await generator.Writer.WriteAsync(i, stop.Token);
            }),
        };
        var source = generator.Reader;
        var primes = new List<int>();
        for (var n = 0; n < 100; n++)
        {
            var prime = await source.ReadAsync().Within();
            primes.Add(prime);
            var input = source;
            var output = Chan.Make<int>();
            tasks.Add(Task.Run(async () =>
            {
                while (true)
                {
                    var candidate = await input.ReadAsync(stop.Token);
                    if (candidate % prime != 0)
                        await output.Writer.WriteAsync(candidate, stop.Token);
                }
            }));
            source = output.Reader;
        }
        await stop.CancelAsync(); // the filters never end by themselves: stop them, and wait until they have stopped
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll(tasks).WaitAsync(Limit));

        Assert.Equal(541, primes[^1]); // the 100th prime
        Assert.Equal(Enumerable.Range(2, 540).Where(IsPrime), primes);
    }

    // test/chan/fifo.go: values sent on a buffered channel arrive in order, and a chain of goroutines each waiting for
    // the previous one's token before passing on its own runs in order too.
    [Fact]
    public async Task A_buffered_channel_and_a_chain_of_goroutines_keep_order()
    {
        const int N = 10;
        var buffered = Chan.Make<int>(N);
        for (var i = 0; i < N; i++)
            await buffered.Writer.WriteAsync(i);
        for (var i = 0; i < N; i++)
            Assert.Equal(i, await buffered.Reader.ReadAsync().Within());

        var start = Chan.Make<int>();
        var input = start;
        var output = Chan.Make<int>(N);
        var chain = new List<Task>();
        for (var i = 0; i < N; i++)
        {
            var me = i;
            var inbox = input;
            var next = Chan.Make<int>();
            chain.Add(Task.Run(async () =>
            {
                await inbox.Reader.ReadAsync();
                await output.Writer.WriteAsync(me);
                await next.Writer.WriteAsync(0);
            }));
            input = next;
        }
        await start.Writer.WriteAsync(0).Within();
        await input.Reader.ReadAsync().Within();
        await Task.WhenAll(chain).Within();
        output.Writer.Close();
        Assert.Equal(Enumerable.Range(0, N), await output.Reader.ToListAsync().Within());
    }

    private static bool IsPrime(int n) => n >= 2 && Enumerable.Range(2, Math.Max(0, (int)Math.Sqrt(n) - 1)).All(d => n % d != 0);
}
