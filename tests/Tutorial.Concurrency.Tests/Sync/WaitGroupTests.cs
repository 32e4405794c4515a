namespace Tutorial.Concurrency.Tests.Sync;

public class WaitGroupTests
{
    [Fact]
    public void New_group_has_count_zero_and_waiting_returns_at_once()
    {
        var wg = new WaitGroup();

        Assert.Equal(0, wg.Count);
        Assert.True(wg.WaitAsync().IsCompletedSuccessfully);
        wg.Wait();
    }

    [Fact]
    public async Task WaitAsync_completes_only_when_the_last_Done_brings_the_count_to_zero()
    {
        var wg = new WaitGroup();
        wg.Add(3);

        var waiting = wg.WaitAsync();
        wg.Done();
        wg.Done();
        await Safety.AssertStaysPending(waiting);
        Assert.Equal(1, wg.Count);

        wg.Done();
        await waiting.Within();
        Assert.Equal(0, wg.Count);
    }

    [Fact]
    public async Task Add_accepts_negative_deltas_like_Done()
    {
        var wg = new WaitGroup();
        wg.Add(5);
        var waiting = wg.WaitAsync();

        wg.Add(-4);
        Assert.Equal(1, wg.Count);
        Assert.False(waiting.IsCompleted);
        wg.Add(-1);

        await waiting.Within();
    }

    [Fact]
    public async Task Wait_blocks_the_calling_thread_until_the_count_is_zero()
    {
        var wg = new WaitGroup();
        wg.Add(1);

        var blocked = Task.Factory.StartNew(wg.Wait, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Safety.AssertStaysPending(blocked);

        wg.Done();
        await blocked.Within();
    }

    [Fact]
    public async Task Group_can_be_reused_after_reaching_zero()
    {
        var wg = new WaitGroup();
        for (var round = 1; round <= 3; round++)
        {
            wg.Add(round);
            var waiting = wg.WaitAsync();
            Assert.False(waiting.IsCompleted);
            for (var i = 0; i < round; i++)
                wg.Done();
            await waiting.Within();
            Assert.Equal(0, wg.Count);
        }
    }

    [Fact]
    public void Done_below_zero_throws_Go_message_and_leaves_the_counter_at_zero()
    {
        var wg = new WaitGroup();

        var error = Assert.Throws<InvalidOperationException>(wg.Done);

        Assert.Equal("sync: negative WaitGroup counter", error.Message);
        Assert.Equal(0, wg.Count);
    }

    [Fact]
    public async Task Negative_counter_is_undone_so_the_group_stays_usable_and_waiters_are_not_released()
    {
        var wg = new WaitGroup();
        wg.Add(1);
        var waiting = wg.WaitAsync();

        var error = Assert.Throws<InvalidOperationException>(() => wg.Add(-2));

        Assert.Equal("sync: negative WaitGroup counter", error.Message);
        Assert.Equal(1, wg.Count);
        await Safety.AssertStaysPending(waiting);

        wg.Done();
        await waiting.Within();
        wg.Add(1);
        wg.Done();
        await wg.WaitAsync().Within();
    }

    [Fact]
    public async Task WaitAsync_returns_a_pending_task_instead_of_blocking_the_caller()
    {
        var wg = new WaitGroup();
        wg.Add(1);

        // If WaitAsync blocked, these calls would never return on this thread; a thousand waiters cost no threads.
        var waiters = Enumerable.Range(0, 1000).Select(_ => wg.WaitAsync()).ToArray();

        Assert.All(waiters, w => Assert.False(w.IsCompleted));
        wg.Done();
        await Task.WhenAll(waiters).Within();
    }

    [Fact]
    public async Task WaitAsync_honours_cancellation_and_leaves_the_count_alone()
    {
        var wg = new WaitGroup();
        wg.Add(1);
        using var cts = new CancellationTokenSource();

        var waiting = wg.WaitAsync(cts.Token);
        var other = wg.WaitAsync();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Within());
        Assert.Equal(1, wg.Count);
        Assert.False(other.IsCompleted);

        wg.Done();
        await other.Within();
    }

    [Fact]
    public async Task WaitAsync_with_an_already_cancelled_token_throws_while_work_is_outstanding()
    {
        var wg = new WaitGroup();
        wg.Add(1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wg.WaitAsync(new CancellationToken(canceled: true)).Within());
    }

    [Fact]
    public async Task Go_with_async_work_counts_it_until_it_finishes()
    {
        var wg = new WaitGroup();
        var gate = Safety.NewGate();
        var finished = false;

        wg.Go(async () =>
        {
            await gate.Task;
            finished = true;
        });

        Assert.Equal(1, wg.Count);
        var waiting = wg.WaitAsync();
        await Safety.AssertStaysPending(waiting);

        gate.SetResult();
        await waiting.Within();
        Assert.True(finished);
        Assert.Equal(0, wg.Count);
    }

    [Fact]
    public async Task Go_with_an_action_returns_before_the_action_finishes()
    {
        var wg = new WaitGroup();
        using var gate = new ManualResetEventSlim();
        var sawGate = false;

        // If Go ran the action inline, it would block here until the safety timeout and sawGate would stay false.
        wg.Go(() => sawGate = gate.Wait(Safety.Timeout));
        Assert.Equal(1, wg.Count);
        gate.Set();

        await wg.WaitAsync().Within();
        Assert.True(sawGate);
    }

    [Fact]
    public async Task Go_exceptions_surface_as_AggregateException_on_the_next_wait_and_are_then_cleared()
    {
        var wg = new WaitGroup();
        var boom = new InvalidOperationException("boom");
        var bad = new ArgumentException("bad");

        wg.Go(() => throw boom);
        wg.Go(async () =>
        {
            await Task.Yield();
            throw bad;
        });
        wg.Go(() => { });

        var error = await Assert.ThrowsAsync<AggregateException>(() => wg.WaitAsync().Within());
        Assert.Equal(2, error.InnerExceptions.Count);
        Assert.Contains(boom, error.InnerExceptions);
        Assert.Contains(bad, error.InnerExceptions);
        Assert.Equal(0, wg.Count);

        // Reported once: the group is clean again and reusable.
        await wg.WaitAsync().Within();
        wg.Go(() => { });
        await wg.WaitAsync().Within();
    }

    [Fact]
    public async Task Go_exception_also_surfaces_from_the_blocking_Wait()
    {
        var wg = new WaitGroup();
        var boom = new InvalidOperationException("boom");
        var gate = Safety.NewGate();
        wg.Go(async () =>
        {
            await gate.Task;
            throw boom;
        });

        var waiting = Task.Factory.StartNew(wg.Wait, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        gate.SetResult();

        var error = await Assert.ThrowsAsync<AggregateException>(() => waiting.Within());
        Assert.Same(boom, Assert.Single(error.InnerExceptions));
        wg.Wait();
    }

    [Fact]
    public void Go_rejects_null_work_without_touching_the_counter()
    {
        var wg = new WaitGroup();

        Assert.Equal("work", Assert.Throws<ArgumentNullException>(() => wg.Go((Func<Task>)null!)).ParamName);
        Assert.Equal("work", Assert.Throws<ArgumentNullException>(() => wg.Go((Action)null!)).ParamName);
        Assert.Equal(0, wg.Count);
    }

    [Fact]
    public async Task Stress_every_waiter_is_released_once_and_never_before_all_work_is_done()
    {
        const int rounds = 20, workers = 64, waiterCount = 32;
        for (var round = 0; round < rounds; round++)
        {
            var wg = new WaitGroup();
            var gate = Safety.NewGate();
            var finished = 0;
            var released = 0;
            wg.Add(workers);

            var work = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
            {
                await gate.Task;
                Interlocked.Increment(ref finished);
                wg.Done();
            })).ToArray();
            var waiters = Enumerable.Range(0, waiterCount).Select(_ => Task.Run(async () =>
            {
                await wg.WaitAsync();
                Interlocked.Increment(ref released);
                // What the waiter saw the moment it was released: every Done must have happened before.
                return Volatile.Read(ref finished);
            })).ToArray();

            Assert.Equal(0, Volatile.Read(ref released));
            gate.SetResult();

            var seen = await Task.WhenAll(waiters).Within();
            await Task.WhenAll(work).Within();
            Assert.All(seen, s => Assert.Equal(workers, s));
            Assert.Equal(waiterCount, released);
            Assert.Equal(0, wg.Count);
        }
    }

    [Fact]
    public async Task Stress_concurrent_Add_and_Done_never_release_waiters_while_work_is_held()
    {
        var wg = new WaitGroup();
        wg.Add(1); // held by the test: the count must never reach zero while churning
        var start = Safety.NewGate();

        var churn = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            for (var i = 0; i < 2_000; i++)
            {
                wg.Add(1);
                if (i % 3 == 0)
                    await Task.Yield();
                wg.Done();
            }
        })).ToArray();
        var waiters = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            await wg.WaitAsync();
        })).ToArray();

        start.SetResult();
        await Task.WhenAll(churn).Within();

        Assert.Equal(1, wg.Count);
        Assert.All(waiters, w => Assert.False(w.IsCompleted, "A waiter was released while the count was above zero."));

        wg.Done();
        await Task.WhenAll(waiters).Within();
    }

    [Fact]
    public async Task Stress_Go_in_many_rounds_counts_every_task()
    {
        var wg = new WaitGroup();
        for (var round = 0; round < 200; round++)
        {
            var ran = 0;
            for (var i = 0; i < 20; i++)
                wg.Go(() => Interlocked.Increment(ref ran));
            await wg.WaitAsync().Within();
            Assert.Equal(20, Volatile.Read(ref ran));
        }
    }

    [Fact]
    public async Task Wait_on_a_single_threaded_context_does_not_deadlock()
    {
        using var ui = new SingleThreadContext();
        var wg = new WaitGroup();
        wg.Add(1);
        var enteredWait = false;

        var waiting = ui.RunAsync(() =>
        {
            Volatile.Write(ref enteredWait, true);
            wg.Wait();
        });
        // Release the work only once the context's thread is blocked inside Wait, so the wait is really pending.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!Volatile.Read(ref enteredWait) || (ui.Thread.ThreadState & ThreadState.WaitSleepJoin) == 0)
        {
            Assert.False(waiting.IsCompleted, "Wait returned while work was outstanding.");
            Assert.True(clock.Elapsed < Safety.Timeout, "the context's thread never blocked in Wait");
            await Task.Yield();
        }
        wg.Done();

        // If WaitGroup's own awaits captured the context, their continuations would queue behind the blocked thread forever.
        await waiting.Within();
    }
}
