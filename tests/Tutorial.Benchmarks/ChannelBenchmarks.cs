using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Tutorial.Concurrency;

namespace Tutorial.Benchmarks;

/// <summary>
/// Suite 3: nanoseconds per item through one channel, one producer task and one consumer, with the channel the
/// library makes for each Go shape (<see cref="Chan.Make{T}(int)"/>: default options, as a lesson would write it).
/// Go 1.19 anchors on the same shape: buffered 46 ns/item, unbuffered 154 ns/item.
/// </summary>
public class ChannelBenchmarks
{
    private const int Items = 100_000;

    /// <summary>The channel's kind: Go's <c>make(chan int, 100)</c>, an unbounded channel, or Go's <c>make(chan int)</c>.</summary>
    [Params("bounded(100)", "unbounded", "rendezvous")]
    public string Kind { get; set; } = "bounded(100)";

    /// <summary>The consumer is <c>await foreach</c> over <see cref="ChannelReader{T}.ReadAllAsync"/> (Go's <c>for v := range ch</c>).</summary>
    /// <returns>The sum of the items received.</returns>
    [Benchmark(OperationsPerInvoke = Items, Description = "ReadAllAsync")]
    public async Task<long> ReadAllAsync()
    {
        var channel = Make();
        var producer = ProduceAsync(channel.Writer);
        long sum = 0;
        await foreach (var item in channel.Reader.ReadAllAsync())
            sum += item;
        await producer;
        return sum;
    }

    /// <summary>The consumer drains with <see cref="ChannelReader{T}.TryRead"/> and only awaits <see cref="ChannelReader{T}.WaitToReadAsync"/> when empty.</summary>
    /// <returns>The sum of the items received.</returns>
    [Benchmark(OperationsPerInvoke = Items, Description = "WaitToReadAsync+TryRead")]
    public async Task<long> WaitToReadTryRead()
    {
        var channel = Make();
        var producer = ProduceAsync(channel.Writer);
        var reader = channel.Reader;
        long sum = 0;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var item))
                sum += item;
        }
        await producer;
        return sum;
    }

    private Channel<int> Make() => Kind switch
    {
        "bounded(100)" => Chan.Make<int>(100),
        "unbounded" => Chan.MakeUnbounded<int>(),
        "rendezvous" => Chan.Make<int>(),
        _ => throw new InvalidOperationException($"Unknown channel kind '{Kind}'."),
    };

    // The producer runs on its own thread-pool task, as a Go producer goroutine would.
    private static Task ProduceAsync(ChannelWriter<int> writer) => Task.Run(async () =>
    {
        for (var i = 0; i < Items; i++)
            await writer.WriteAsync(i);
        writer.Complete();
    });
}
