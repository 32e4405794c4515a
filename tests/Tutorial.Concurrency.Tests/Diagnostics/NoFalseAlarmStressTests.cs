using System.Diagnostics;
using Tutorial.Concurrency.Diagnostics;

namespace Tutorial.Concurrency.Tests.Diagnostics;

/// <summary>
/// Thousands of small correct programs, generated at random from the shapes the lessons use (producers, a closer, a
/// pool, select, fan-in) with random pauses of every kind the detector must not mistake for a deadlock (timers, precise
/// waits, thread-pool callbacks, computing, yields), run with a 1 ms grace period so that any false report has every
/// chance to show. Not one may be reported.
/// </summary>
[Collection(DetectorCollection.Name)]
public sealed class NoFalseAlarmStressTests
{
    private const int Programs = 2000;

    // Longer than a grace period and its confirming look together (1 ms + 1 ms), so every pause spans at least one look.
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(4);
    private static readonly GoProgramOptions Twitchy = new() { GracePeriod = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task Random_correct_programs_are_never_reported()
    {
        var clock = Stopwatch.StartNew();
        for (var seed = 1; seed <= Programs; seed++)
        {
            var program = new RandomProgram(seed);
            try
            {
                var received = await program.RunAsync();
                Assert.True(program.Expected.Order().SequenceEqual(received.Order()),
                    $"program {seed} ({program.Shape}) lost or doubled items: expected {program.Expected.Count}, got {received.Count}");
            }
            catch (Exception e) when (e is DeadlockException or TimeoutException)
            {
                Assert.Fail($"program {seed} ({program.Shape}) is correct but ended with {e.GetType().Name}: {e.Message}");
            }
        }

        // Not a speed test: the bound only says the runs really were small programs.
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"{Programs} programs took {clock.Elapsed}");
    }

    private sealed class RandomProgram(int seed)
    {
        private readonly Random _random = new(seed);
        private readonly List<string> _shape = [];

        public List<int> Expected { get; } = [];

        public string Shape => string.Join(", ", _shape);

        public async Task<List<int>> RunAsync()
        {
            var received = new List<int>();
            var kind = _random.Next(4);
            var producers = _random.Next(1, 4);
            var perProducer = _random.Next(0, 5);
            var capacity = _random.Next(0, 3);
            _shape.Add($"kind {kind}, {producers} producer(s) x {perProducer}, capacity {capacity}");
            for (var p = 0; p < producers; p++)
                Expected.AddRange(Enumerable.Range(p * 100, perProducer));
            var pauses = Enumerable.Range(0, producers * perProducer + producers).Select(_ => _random.Next(7)).ToArray();
            _shape.Add($"pauses {string.Join("", pauses)}");

            await GoProgram.RunAsync(async go =>
            {
                switch (kind)
                {
                    case 0: // producers, a closer, main ranges
                    {
                        var items = Chan.Make<int>(capacity, "items");
                        var senders = new WaitGroup();
                        for (var p = 0; p < producers; p++)
                        {
                            var first = p * 100;
                            var pause = p * (perProducer + 1);
                            senders.Go(async () =>
                            {
                                for (var i = 0; i < perProducer; i++)
                                {
                                    await PauseAsync(pauses[pause + i]);
                                    await items.Writer.WriteAsync(first + i);
                                }
                            });
                        }
                        go.Go("closer", async () =>
                        {
                            await senders.WaitAsync();
                            items.Writer.Complete();
                        });
                        await foreach (var item in items.Reader.ReadAllAsync())
                            received.Add(item);
                        break;
                    }
                    case 1: // one channel per producer, merged by fan-in, received with ReceiveAsync
                    {
                        var inputs = Enumerable.Range(0, producers).Select(p =>
                        {
                            var channel = Chan.Make<int>(capacity, $"input {p}");
                            go.Go($"producer {p}", async () =>
                            {
                                for (var i = 0; i < perProducer; i++)
                                {
                                    await PauseAsync(pauses[p * (perProducer + 1) + i]);
                                    await channel.Writer.WriteAsync(p * 100 + i);
                                }
                                channel.Writer.Complete();
                            });
                            return channel.Reader;
                        }).ToArray();
                        var merged = FanIn.Merge(inputs);
                        while (await merged.ReceiveAsync() is (var item, true))
                            received.Add(item);
                        break;
                    }
                    case 2: // the library's pool, fed by main, results read while submitting
                    {
                        var pool = WorkerPool.Start<int, int>(producers, async (x, token) =>
                        {
                            await PauseAsync(pauses[Math.Abs(x) % pauses.Length]);
                            return x;
                        }, new WorkerPoolOptions { JobCapacity = capacity + 1, ResultCapacity = capacity + 1 });
                        var reading = ReadAllAsync(pool.Results, received); // read while submitting: Results is bounded
                        foreach (var x in Expected)
                            await pool.SubmitAsync(new Job<int>(x, x));
                        pool.Complete();
                        await reading;
                        await pool.Completion;
                        break;
                    }
                    default: // two sources and a select loop with a timeout case, Go's nil-channel idiom
                    {
                        var left = Source(go, "left", Expected.Where((_, i) => i % 2 == 0).ToList(), capacity, pauses);
                        var right = Source(go, "right", Expected.Where((_, i) => i % 2 == 1).ToList(), capacity, pauses);
                        System.Threading.Channels.ChannelReader<int>? l = left, r = right;
                        while (l is not null || r is not null)
                        {
                            await Select.WaitAsync(
                                Select.Receive(l, (v, ok) => { if (ok) received.Add(v); else l = null; }),
                                Select.Receive(r, (v, ok) => { if (ok) received.Add(v); else r = null; }),
                                Select.After(TimeSpan.FromMilliseconds(2), () => { }));
                        }
                        break;
                    }
                }
            }, Twitchy);
            return received;
        }

        private static async Task ReadAllAsync(System.Threading.Channels.ChannelReader<Result<int>> results, List<int> received)
        {
            await foreach (var result in results.ReadAllAsync())
                received.Add(result.Value);
        }

        private static System.Threading.Channels.ChannelReader<int> Source(GoProgram go, string name, List<int> items, int capacity, int[] pauses)
        {
            var channel = Chan.Make<int>(capacity, name);
            go.Go(name, async () =>
            {
                for (var i = 0; i < items.Count; i++)
                {
                    await PauseAsync(pauses[i % pauses.Length]);
                    await channel.Writer.WriteAsync(items[i]);
                }
                channel.Writer.Complete();
            });
            return channel.Reader;
        }

        private static async Task YieldOnceAsync() => await Task.Yield();

        // Every kind of pause a lesson's code makes, none of which the detector may take for a dead program.
        private static Task PauseAsync(int kind)
        {
            switch (kind)
            {
                case 0:
                    return Task.CompletedTask;
                case 1:
                    return YieldOnceAsync();
                case 2:
                    return Task.Delay(Pause);
                case 3:
                    return Lab.PreciseDelay.WaitAsync(Pause);
                case 4:
                {
                    var clock = Stopwatch.StartNew();
                    while (clock.Elapsed < Pause)
                        Thread.SpinWait(50);
                    return Task.CompletedTask;
                }
                case 5:
                {
                    // A thread-pool callback, then back: Go's "go func() { time.Sleep(...); done <- true }()".
                    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    ThreadPool.QueueUserWorkItem(_ =>
                    {
                        Thread.Sleep(Pause);
                        done.SetResult();
                    });
                    return done.Task;
                }
                default:
                {
                    // A timer callback (Go's time.AfterFunc) that wakes the waiting code.
                    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    var timer = new Timer(_ => done.TrySetResult(), null, Pause, Timeout.InfiniteTimeSpan);
                    return done.Task.ContinueWith(_ => timer.Dispose(), TaskScheduler.Default);
                }
            }
        }
    }
}
