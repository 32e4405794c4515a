using Microsoft.Coyote.Specifications;

namespace Tutorial.Concurrency.Coyote;

public class WaitGroupCoyoteTests
{
    [Fact]
    public void WaitAsync_returns_only_after_every_Done()
    {
        CoyoteRun.Check(async () =>
        {
            var wg = new WaitGroup();
            var finished = new int[3];
            wg.Add(finished.Length);
            var workers = Enumerable.Range(0, finished.Length).Select(i => Task.Run(() =>
            {
                Volatile.Write(ref finished[i], 1);
                wg.Done();
            })).ToArray();

            // Two waiters racing with the Dones: neither may be released early, neither may miss the wake-up.
            var waiters = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                await wg.WaitAsync();
                for (var i = 0; i < finished.Length; i++)
                    Specification.Assert(Volatile.Read(ref finished[i]) == 1, $"WaitAsync returned before worker {i} called Done.");
                Specification.Assert(wg.Count == 0, $"WaitAsync returned with Count {wg.Count}.");
            })).ToArray();

            await Task.WhenAll(workers);
            await Task.WhenAll(waiters);
        });
    }

    [Fact]
    public void Wait_blocks_until_the_counter_is_zero()
    {
        CoyoteRun.Check(async () =>
        {
            var wg = new WaitGroup();
            var finished = 0;
            wg.Add(2);
            var workers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            {
                Interlocked.Increment(ref finished);
                wg.Done();
            })).ToArray();

            var waiter = Task.Run(() =>
            {
                wg.Wait();
                Specification.Assert(Volatile.Read(ref finished) == 2, $"Wait returned after {finished} of 2 Dones.");
            });

            await Task.WhenAll(workers);
            await waiter;
        });
    }

    [Fact]
    public void Group_is_reusable_after_reaching_zero()
    {
        CoyoteRun.Check(async () =>
        {
            var wg = new WaitGroup();
            for (var round = 1; round <= 2; round++)
            {
                var finished = 0;
                wg.Add(2);
                var workers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
                {
                    Interlocked.Increment(ref finished);
                    wg.Done();
                })).ToArray();
                // The waiter of round 2 must not be released by round 1's zero, nor miss round 2's.
                var waiter = Task.Run(async () =>
                {
                    await wg.WaitAsync();
                    Specification.Assert(Volatile.Read(ref finished) == 2, $"Round {round}: WaitAsync returned after {finished} of 2 Dones.");
                });
                await Task.WhenAll(workers);
                await waiter;
                Specification.Assert(wg.Count == 0, $"Round {round} ended with Count {wg.Count}.");
            }
        });
    }

    [Fact]
    public void Add_racing_with_the_last_Done_never_releases_a_waiter_early()
    {
        CoyoteRun.Check(async () =>
        {
            var wg = new WaitGroup();
            var firstDone = 0;
            var secondDone = 0;
            wg.Add(1);
            // The first worker adds the second piece of work before it finishes, as a Go goroutine spawning another would.
            var first = Task.Run(() =>
            {
                wg.Add(1);
                var second = Task.Run(() =>
                {
                    Volatile.Write(ref secondDone, 1);
                    wg.Done();
                });
                Volatile.Write(ref firstDone, 1);
                wg.Done();
                return second;
            });
            var waiter = Task.Run(async () =>
            {
                await wg.WaitAsync();
                Specification.Assert(Volatile.Read(ref firstDone) == 1 && Volatile.Read(ref secondDone) == 1,
                    "WaitAsync returned while work added before the counter reached zero was still running.");
            });
            await first; // Task.Run unwraps: this also waits for the second worker.
            await waiter;
        });
    }
}
