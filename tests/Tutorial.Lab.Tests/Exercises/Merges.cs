using System.Threading.Channels;

using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Exercises;

/// <summary>Answers to a "write Merge (fan-in)" exercise: one output channel with every item of every input, completed
/// once all inputs are done.</summary>
internal static class Merges
{
    public delegate ChannelReader<string> Merge(ChannelReader<string>[] inputs);

    public static ChannelReader<string> Correct(ChannelReader<string>[] inputs)
    {
        var output = Channel.CreateBounded<string>(1);
        var forwarders = inputs.Select(input => Task.Run(async () =>
        {
            await foreach (var item in input.ReadAllAsync())
                await output.Writer.WriteAsync(item);
        })).ToArray();
        _ = Task.WhenAll(forwarders).ContinueWith(all => output.Writer.TryComplete(all.Exception), TaskScheduler.Default);
        return output.Reader;
    }

    // Lossy: closes the output when the FIRST input is done; the other forwarders' writes then fail.
    public static ChannelReader<string> ClosesOnFirstDone(ChannelReader<string>[] inputs)
    {
        var output = Channel.CreateBounded<string>(1);
        var forwarders = inputs.Select(input => Task.Run(async () =>
        {
            await foreach (var item in input.ReadAllAsync())
                await output.Writer.WriteAsync(item);
        })).ToArray();
        _ = Task.WhenAny(forwarders).ContinueWith(_ => output.Writer.TryComplete(), TaskScheduler.Default);
        return output.Reader;
    }

    // Stuck: never completes the output, so whoever ranges over it waits forever.
    public static ChannelReader<string> NeverCompletes(ChannelReader<string>[] inputs)
    {
        var output = Channel.CreateBounded<string>(1);
        foreach (var input in inputs)
        {
            _ = Task.Run(async () =>
            {
                await foreach (var item in input.ReadAllAsync())
                    await output.Writer.WriteAsync(item);
            });
        }
        return output.Reader;
    }

    // Lossy and leaky: a "select" that starts a read on every input each round and keeps only the first; the abandoned
    // reads still take items, which are lost.
    public static ChannelReader<string> WhenAnyOfReads(ChannelReader<string>[] inputs)
    {
        var output = Channel.CreateBounded<string>(1);
        _ = Task.Run(async () =>
        {
            var open = inputs.ToList();
            while (open.Count > 0)
            {
                var reads = open.Select(input => input.ReadAsync().AsTask()).ToList();
                var first = await Task.WhenAny(reads);
                if (first.IsCompletedSuccessfully)
                    await output.Writer.WriteAsync(first.Result);
                else
                    open.RemoveAt(reads.IndexOf(first));
            }
            output.Writer.TryComplete();
        });
        return output.Reader;
    }
}
