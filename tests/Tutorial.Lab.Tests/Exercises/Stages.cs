using System.Threading.Channels;

using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Exercises;

/// <summary>Answers to a "pipeline stage with cancellation" exercise: <c>Square(input, token)</c> returns a channel of the
/// squares; when the token is cancelled it stops and completes its output, leaving nothing behind.</summary>
internal static class Stages
{
    public delegate ChannelReader<int> Stage(ChannelReader<int> input, CancellationToken cancellationToken);

    public static ChannelReader<int> Correct(ChannelReader<int> input, CancellationToken cancellationToken)
    {
        var output = Channel.CreateBounded<int>(1);
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var n in input.ReadAllAsync(cancellationToken))
                    await output.Writer.WriteAsync(n * n, cancellationToken);
                output.Writer.TryComplete();
            }
            catch (Exception e)
            {
                output.Writer.TryComplete(e); // cancelled or failed: the consumer learns why
            }
        }, CancellationToken.None);
        return output.Reader;
    }

    // Stuck: the token never reaches the send, so after the consumer stops, the stage waits to send forever.
    public static ChannelReader<int> IgnoresTokenOnSend(ChannelReader<int> input, CancellationToken cancellationToken)
    {
        var output = Channel.CreateBounded<int>(1);
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var n in input.ReadAllAsync(cancellationToken))
                    await output.Writer.WriteAsync(n * n);
            }
            finally
            {
                output.Writer.TryComplete();
            }
        }, CancellationToken.None);
        return output.Reader;
    }

    // Leaky: completes its output when the send is cancelled, but its loop keeps reading the input.
    public static ChannelReader<int> KeepsReadingAfterCancel(ChannelReader<int> input, CancellationToken cancellationToken)
    {
        var output = Channel.CreateBounded<int>(1);
        _ = Task.Run(async () =>
        {
            await foreach (var n in input.ReadAllAsync())
            {
                try
                {
                    await output.Writer.WriteAsync(n * n, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    output.Writer.TryComplete();
                }
            }
            output.Writer.TryComplete();
        }, CancellationToken.None);
        return output.Reader;
    }

    // Unbounded: an unbounded output lets the stage run ahead of a slow consumer without limit.
    public static ChannelReader<int> UnboundedOutput(ChannelReader<int> input, CancellationToken cancellationToken)
    {
        var output = Channel.CreateUnbounded<int>();
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var n in input.ReadAllAsync(cancellationToken))
                    await output.Writer.WriteAsync(n * n, cancellationToken);
                output.Writer.TryComplete();
            }
            catch (Exception e)
            {
                output.Writer.TryComplete(e);
            }
        }, CancellationToken.None);
        return output.Reader;
    }

    // The same stage as an owned task (structured concurrency): it writes into the output it is given and returns a task
    // that ends when the stage has stopped.
    public delegate Task OwnedStage(ChannelReader<int> input, ChannelWriter<int> output, CancellationToken cancellationToken);

    public static async Task CorrectOwned(ChannelReader<int> input, ChannelWriter<int> output, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var n in input.ReadAllAsync(cancellationToken))
                await output.WriteAsync(n * n, cancellationToken);
            output.TryComplete();
        }
        catch (Exception e)
        {
            output.TryComplete(e);
            throw;
        }
    }

    // Stuck: the send does not take the token, so once the consumer quits the stage waits to send forever.
    public static async Task OwnedIgnoresTokenOnSend(ChannelReader<int> input, ChannelWriter<int> output, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var n in input.ReadAllAsync(cancellationToken))
                await output.WriteAsync(n * n);
        }
        finally
        {
            output.TryComplete();
        }
    }
}
