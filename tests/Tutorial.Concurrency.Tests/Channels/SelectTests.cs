using System.Threading.Channels;

namespace Tutorial.Concurrency.Tests.Channels;

/// <summary>The library's Select: what it promises beyond Go's own tests (GoPorts), and how it refuses bad input.</summary>
public sealed class SelectTests
{
    [Fact]
    public async Task Waits_until_a_case_is_ready_runs_only_that_case_and_returns_its_position()
    {
        var a = Chan.Make<string>();
        var b = Chan.Make<string>();
        var ran = new List<string>();
        var select = Select.WaitAsync(Select.Receive(a.Reader, (v, _) => ran.Add($"a:{v}")), Select.Receive(b.Reader, (v, _) => ran.Add($"b:{v}")));
        Assert.False(select.IsCompleted);

        await b.Writer.WriteAsync("hello").Within();
        Assert.Equal(1, await select.Within());
        Assert.Equal(["b:hello"], ran);
        Assert.False(a.Reader.TryRead(out _)); // nothing was taken from the other channel
    }

    [Fact]
    public async Task An_async_case_body_finishes_before_the_select_returns()
    {
        var c = Chan.Make<int>(1);
        await c.Writer.WriteAsync(1);
        var finished = false;
        await Select.WaitAsync(Select.Receive(c.Reader, async (_, _) =>
        {
            await Task.Yield();
            finished = true;
        })).Within();
        Assert.True(finished);
    }

    [Fact]
    public async Task A_closed_channel_is_ready_with_ok_false_and_a_null_channel_is_never_ready()
    {
        var closed = Chan.Make<int>();
        closed.Writer.Close();
        (int Value, bool Ok)? seen = null;
        var index = await Select.WaitAsync(Select.Receive<int>(null, (_, _) => Assert.Fail("a null channel is never ready")), Select.Receive(closed.Reader, (v, ok) => seen = (v, ok))).Within();
        Assert.Equal(1, index);
        Assert.Equal((0, false), seen);
    }

    [Fact]
    public async Task A_channel_closed_with_an_error_rethrows_that_error_from_the_select()
    {
        var failed = Chan.Make<int>();
        failed.Writer.CloseWithError(new FormatException("corrupt input"));
        var error = await Assert.ThrowsAsync<FormatException>(() => Select.WaitAsync(Select.Receive(failed.Reader, (_, _) => { })).Within());
        Assert.Equal("corrupt input", error.Message);
    }

    [Fact]
    public async Task A_timeout_case_runs_when_nothing_else_became_ready_in_time()
    {
        var never = Chan.Make<int>();
        var outcome = "";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Select.WaitAsync(Select.Receive(never.Reader, (_, _) => outcome = "value"), Select.After(TimeSpan.FromMilliseconds(30), () => outcome = "timeout")).Within();
        Assert.Equal("timeout", outcome);
        // A timer can end up to one step of its coarse clock early (Lab.TimerClock); no upper bound on a shared machine.
        var earliest = TimeSpan.FromMilliseconds(30) - Lab.TimerClock.MostEarly;
        Assert.True(clock.Elapsed >= earliest, $"the timeout case ran after {clock.Elapsed.TotalMilliseconds:F1} ms, before {earliest.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public async Task The_default_case_runs_at_once_when_nothing_is_ready_and_never_when_something_is()
    {
        var c = Chan.Make<int>(1);
        var ran = "";
        await Select.WaitAsync(Select.Receive(c.Reader, (_, _) => ran = "value"), Select.Default(() => ran = "default")).Within();
        Assert.Equal("default", ran);
        await c.Writer.WriteAsync(5);
        await Select.WaitAsync(Select.Default(() => ran = "default"), Select.Receive(c.Reader, (v, _) => ran = $"value {v}")).Within();
        Assert.Equal("value 5", ran);
    }

    [Fact]
    public async Task Cancelling_the_token_ends_the_wait_without_running_a_case_or_taking_a_value()
    {
        var c = Chan.Make<int>(1);
        using var cancel = new CancellationTokenSource();
        var select = Select.WaitAsync([Select.Receive(c.Reader, (_, _) => Assert.Fail("no case may run"))], cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => select.Within());
        await c.Writer.WriteAsync(1).Within();
        Assert.True(c.Reader.TryRead(out _)); // the cancelled select left the value for others
    }

    [Fact]
    public async Task An_exception_in_a_case_body_comes_out_of_the_select()
    {
        var c = Chan.Make<int>(1);
        await c.Writer.WriteAsync(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Select.WaitAsync(Select.Receive(c.Reader, (_, _) => throw new InvalidOperationException("boom"))).Within());
    }

    [Fact]
    public void Bad_selects_are_refused_with_a_message_that_says_what_is_wrong()
    {
        var c = Chan.Make<int>();
        Assert.Contains("at least one case", Assert.Throws<ArgumentException>(() => { _ = Select.WaitAsync(); }).Message, StringComparison.Ordinal);
        Assert.Contains("Case 1 of the select is null", Assert.Throws<ArgumentException>(() => { _ = Select.WaitAsync(Select.Default(() => { }), null!); }).Message, StringComparison.Ordinal);
        Assert.Contains("multiple defaults in select", Assert.Throws<ArgumentException>(() => { _ = Select.WaitAsync(Select.Default(() => { }), Select.Default(() => { })); }).Message, StringComparison.Ordinal);
        Assert.Contains("could never end", Assert.Throws<InvalidOperationException>(() => { _ = Select.WaitAsync(Select.Receive<int>(null, (_, _) => { })); }).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Select.After(TimeSpan.FromMilliseconds(-1), () => { }));
        Assert.Throws<ArgumentNullException>(() => Select.Receive(c.Reader, (Action<int, bool>)null!));
    }

    [Fact]
    public async Task A_select_that_lost_lets_go_of_its_waits_so_thousands_of_selects_leave_nothing_behind()
    {
        // Each round a select waits on two channels and one wins; if the loser's wait stayed registered, the channel would
        // collect one abandoned waiter per round.
        var winner = Chan.Make<int>(1);
        var loser = Chan.Make<int>();
        for (var i = 0; i < 5_000; i++)
        {
            var select = Select.WaitAsync(Select.Receive(winner.Reader, (_, _) => { }), Select.Receive(loser.Reader, (_, _) => { }));
            await winner.Writer.WriteAsync(i);
            await select.Within();
        }
        // A receiver waiting now must be the only one the channel hands the next value to.
        var parked = loser.Reader.ReadAsync().AsTask();
        Assert.True(loser.Writer.TryWrite(42));
        Assert.Equal(42, await parked.Within());
    }

    [Fact]
    public async Task A_timeout_case_serves_one_select_and_a_second_select_is_refused()
    {
        var never = Chan.Make<int>();
        var timeout = Select.After(TimeSpan.FromMilliseconds(5), () => { });
        await Select.WaitAsync(Select.Receive(never.Reader, (_, _) => { }), timeout).Within();
        var reuse = Assert.Throws<InvalidOperationException>(() => { _ = Select.WaitAsync(Select.Receive(never.Reader, (_, _) => { }), timeout); });
        Assert.Contains("make a new one for each select", reuse.Message, StringComparison.Ordinal);
    }
}
