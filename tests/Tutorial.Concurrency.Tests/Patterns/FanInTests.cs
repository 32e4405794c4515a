using System.Threading.Channels;

namespace Tutorial.Concurrency.Tests.Patterns;

public class FanInTests
{
    private static ChannelReader<int> Closed(params int[] items)
    {
        var ch = Chan.MakeUnbounded<int>();
        foreach (var item in items)
            ch.Writer.TryWrite(item);
        ch.Writer.Close();
        return ch.Reader;
    }

    [Fact]
    public async Task Merges_every_item_of_every_input()
    {
        var merged = FanIn.Merge(Closed(1, 2, 3), Closed(10, 20), Closed(), Closed(100));

        var items = await merged.ToListAsync().Within();

        Assert.Equal(new[] { 1, 2, 3, 10, 20, 100 }, items.Order());
    }

    [Fact]
    public async Task No_inputs_gives_a_completed_empty_channel()
    {
        var merged = FanIn.Merge<int>();

        await merged.Completion.Within();
        Assert.Empty(await merged.ToListAsync().Within());
    }

    [Fact]
    public async Task Keeps_each_inputs_order_while_inputs_interleave()
    {
        const int inputs = 4, perInput = 500;
        var channels = Enumerable.Range(0, inputs).Select(_ => Chan.Make<(int Source, int Seq)>(2)).ToArray();
        var merged = FanIn.Merge(channels.Select(c => c.Reader));

        var producers = channels.Select((ch, source) => Task.Run(async () =>
        {
            for (var i = 0; i < perInput; i++)
                await ch.Writer.SendAsync((source, i));
            ch.Writer.Close();
        })).ToArray();
        var items = await merged.ToListAsync().Within();
        await Task.WhenAll(producers).Within();

        Assert.Equal(inputs * perInput, items.Count);
        for (var source = 0; source < inputs; source++)
            Assert.Equal(Enumerable.Range(0, perInput), items.Where(i => i.Source == source).Select(i => i.Seq));
    }

    [Fact]
    public async Task Completes_only_when_every_input_has_completed()
    {
        var a = Chan.Make<int>(4);
        var b = Chan.Make<int>(4);
        var merged = FanIn.Merge(a.Reader, b.Reader);

        await a.Writer.SendAsync(1);
        a.Writer.Close();
        Assert.Equal((1, true), await merged.ReceiveAsync().Within());
        await Safety.AssertStaysPending(merged.Completion);

        await b.Writer.SendAsync(2);
        b.Writer.Close();
        Assert.Equal((2, true), await merged.ReceiveAsync().Within());
        Assert.Equal((0, false), await merged.ReceiveAsync().Within());
        await merged.Completion.Within();
    }

    [Fact]
    public async Task An_inputs_error_reaches_the_reader_after_the_other_inputs_are_drained()
    {
        var failing = Chan.MakeUnbounded<int>();
        var healthy = Chan.MakeUnbounded<int>();
        var upstream = new InvalidOperationException("input 0 broke");
        var merged = FanIn.Merge(failing.Reader, healthy.Reader);

        await failing.Writer.SendAsync(1);
        failing.Writer.CloseWithError(upstream);
        await healthy.Writer.SendAsync(10);
        await healthy.Writer.SendAsync(11);

        var items = new List<int>();
        for (var i = 0; i < 3; i++)
            items.Add((await merged.ReceiveAsync().Within()).Value);
        Assert.Equal(new[] { 1, 10, 11 }, items.Order());
        // The healthy input is still open, so the merge must keep waiting for it rather than fail early.
        await Safety.AssertStaysPending(merged.Completion);

        await healthy.Writer.SendAsync(12);
        healthy.Writer.Close();
        Assert.Equal((12, true), await merged.ReceiveAsync().Within());
        Assert.Same(upstream, await Assert.ThrowsAsync<InvalidOperationException>(() => merged.ReceiveAsync().Within()));
        Assert.Same(upstream, await Assert.ThrowsAsync<InvalidOperationException>(() => merged.Completion.Within()));
    }

    [Fact]
    public async Task Cancellation_completes_the_merged_channel_with_OperationCanceledException()
    {
        var open = Chan.Make<int>(1);
        using var cts = new CancellationTokenSource();
        var merged = FanIn.Merge([open.Reader], cts.Token);

        await Safety.AssertStaysPending(merged.Completion);
        cts.Cancel();

        // A cancelled merge must not look like a merge that delivered everything.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => merged.Completion.Within());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => merged.ToListAsync().Within());
    }

    [Fact]
    public async Task A_slow_reader_holds_the_inputs_back()
    {
        var input = Chan.MakeUnbounded<int>();
        for (var i = 0; i < 10; i++)
            await input.Writer.SendAsync(i);
        var merged = FanIn.Merge(input.Reader);

        // Nobody reads the merged channel: the forwarder may take at most a couple of items, never all of them.
        await Safety.AssertStaysPending(merged.Completion);
        Assert.True(input.Reader.Count >= 7, $"the forwarder drained {10 - input.Reader.Count} of 10 items without a reader");

        input.Writer.Close();
        Assert.Equal(Enumerable.Range(0, 10), await merged.ToListAsync().Within());
    }

    [Fact]
    public void Rejects_null_inputs()
    {
        Assert.Equal("inputs", Assert.Throws<ArgumentNullException>(() => FanIn.Merge((IEnumerable<ChannelReader<int>>)null!)).ParamName);
        Assert.Throws<ArgumentNullException>(() => FanIn.Merge((ChannelReader<int>[])null!));

        var error = Assert.Throws<ArgumentNullException>(() => FanIn.Merge(Closed(1), null!, Closed(2)));
        Assert.Equal("inputs", error.ParamName);
        Assert.Contains("Input channel 1 is null.", error.Message);
    }
}
