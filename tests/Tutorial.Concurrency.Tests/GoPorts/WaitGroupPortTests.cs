namespace Tutorial.Concurrency.Tests.GoPorts;

/// <summary>Go's WaitGroup tests (src/sync/waitgroup_test.go, Go 1.25), rewritten for the library's <see cref="WaitGroup"/>.</summary>
public sealed class WaitGroupPortTests
{
    // TestWaitGroup: two groups used as a barrier, eight rounds on the same groups.
    [Fact]
    public async Task Two_groups_make_a_barrier_that_holds_round_after_round()
    {
        var wg1 = new WaitGroup();
        var wg2 = new WaitGroup();
        for (var round = 0; round < 8; round++)
        {
            const int N = 16;
            wg1.Add(N);
            wg2.Add(N);
            var exited = Chan.Make<bool>(N);
            for (var i = 0; i < N; i++)
            {
                _ = Task.Run(async () =>
                {
                    wg1.Done();
                    await wg2.WaitAsync();
                    await exited.Writer.WriteAsync(true);
                });
            }
            await wg1.WaitAsync().Within();
            for (var i = 0; i < N; i++)
            {
                Assert.False(exited.Reader.TryRead(out _), $"round {round}: the WaitGroup released the group too soon");
                wg2.Done();
            }
            for (var i = 0; i < N; i++)
                await exited.Reader.ReadAsync().Within();
        }
    }

    // TestWaitGroupMisuse.
    [Fact]
    public void One_Done_too_many_panics_with_Gos_message()
    {
        var wg = new WaitGroup();
        wg.Add(1);
        wg.Done();
        var panic = Assert.Throws<InvalidOperationException>(wg.Done);
        Assert.Equal("sync: negative WaitGroup counter", panic.Message);
    }

    // TestWaitGroupMisuse3: reusing the group before the previous Wait has returned. Go detects it opportunistically
    // ("at least in one run out of a million"). Here the round's last Done and the next round's Add come back to back on
    // one thread, while the released wait's continuation still has to be picked up by a thread-pool thread: it wakes to a
    // counter above zero nearly every time. (An earlier version reused the group from a second waiter's continuation;
    // which of two queued continuations ran first decided it, and one fresh-clone run of 10,000 rounds reported none.)
    [Fact]
    public async Task Reuse_before_the_previous_Wait_has_returned_is_reported_with_Gos_message()
    {
        var reported = 0;
        for (var i = 0; i < 10_000 && reported == 0; i++)
        {
            var wg = new WaitGroup();
            wg.Add(1);
            var mainWait = wg.WaitAsync();                 // Go's main: wg.Wait()
            var reuser = Task.Run(() =>
            {
                wg.Done();                                  // the round ends and releases main's wait ...
                wg.Add(1);                                  // ... and a new one starts before that wait has returned
            });
            try
            {
                await mainWait.Within();
            }
            catch (InvalidOperationException e)
            {
                Assert.Equal("sync: WaitGroup is reused before previous Wait has returned", e.Message);
                reported++;
            }
            await reuser.Within();
        }
        Assert.True(reported > 0, "10,000 reuses before the previous Wait had returned, and not one was reported");
    }

    // TestWaitGroupRace: no wait returns before both pieces of work are done.
    [Fact]
    public async Task Wait_never_returns_before_every_Done()
    {
        for (var i = 0; i < 1000; i++)
        {
            var wg = new WaitGroup();
            var n = 0;
            wg.Add(1);
            _ = Task.Run(() => { Interlocked.Increment(ref n); wg.Done(); });
            wg.Add(1);
            _ = Task.Run(() => { Interlocked.Increment(ref n); wg.Done(); });
            await wg.WaitAsync().Within();
            Assert.True(Volatile.Read(ref n) == 2, $"iteration {i}: spurious wake-up from Wait");
        }
    }

    // TestWaitGroupGo (Go 1.25): wg.Go runs the function as a counted goroutine.
    [Fact]
    public async Task Go_runs_each_function_and_Wait_waits_for_all()
    {
        var wg = new WaitGroup();
        var ran = 0;
        for (var i = 0; i < 16; i++)
            wg.Go(() => { Interlocked.Increment(ref ran); });
        await wg.WaitAsync().Within();
        Assert.Equal(16, ran);
    }
}
