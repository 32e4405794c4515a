using System.Collections.Concurrent;
using Tutorial.Notebooks.Execution;

namespace Tutorial.Notebooks.Tests.Infrastructure;

/// <summary>Executes each fixture notebook at most once per test run, in-process with <see cref="NotebookExecutor"/>
/// (the engine itself is what these tests are about), and hands every test the same result.</summary>
public static class FixtureRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<NotebookRun>>> Runs = new(StringComparer.Ordinal);

    /// <summary>The run of the fixture notebook at <paramref name="path"/> with the default options.</summary>
    public static Task<NotebookRun> GetAsync(string path) =>
        Runs.GetOrAdd(Path.GetFullPath(path), p => new Lazy<Task<NotebookRun>>(() => RunAsync(p, new ExecutionOptions())))
            .Value.WaitAsync(MachineGate.WaitLimit + CourseRuns.RunLimit);

    // In-process runs share the process's working directory, which a run sets while it runs: one at a time (the engine
    // serialises them too), so that a test can read the directory just before and after a run. They go through one lane
    // that holds a machine slot while runs are waiting and takes them back to back: a fixture run takes a second, while a
    // fresh place in the machine's queue, behind stock-kernel and runner tests, can take a minute.
    private static readonly ConcurrentQueue<Queued> Pending = new();
    private static int _laneBusy;

    private static async Task<NotebookRun> RunAsync(string path, ExecutionOptions options) =>
        (await RunWatchingTheWorkingDirectoryAsync(path, options)).Run;

    /// <summary>Runs a notebook in-process (not cached), holding a shared slot of the <see cref="MachineGate"/>, and returns the
    /// process's working directory just before and just after the run.</summary>
    public static Task<(NotebookRun Run, string Before, string After)> RunWatchingTheWorkingDirectoryAsync(string path, ExecutionOptions options)
    {
        var done = new TaskCompletionSource<(NotebookRun, string, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        Pending.Enqueue(new Queued(
            async () =>
            {
                try
                {
                    var before = Environment.CurrentDirectory;
                    var run = await new NotebookExecutor(options).RunAsync(path).WaitAsync(CourseRuns.RunLimit);
                    done.SetResult((run, before, Environment.CurrentDirectory));
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            },
            e => done.TrySetException(e)));
        _ = DrainAsync();
        return done.Task.WaitAsync(MachineGate.WaitLimit + CourseRuns.RunLimit);
    }

    // Whoever finds the lane idle drains it; a run queued just as the lane went idle is seen by the loop's condition.
    private static async Task DrainAsync()
    {
        while (!Pending.IsEmpty && Interlocked.CompareExchange(ref _laneBusy, 1, 0) == 0)
        {
            try
            {
                using (await MachineGate.SharedAsync())
                {
                    while (Pending.TryDequeue(out var next))
                    {
                        await next.Run();
                    }
                }
            }
            catch (Exception e)
            {
                // No slot (the gate timed out): every waiting run fails with the reason instead of waiting for its own limit.
                while (Pending.TryDequeue(out var next))
                {
                    next.Fail(e);
                }
            }
            finally
            {
                Volatile.Write(ref _laneBusy, 0);
            }
        }
    }

    private sealed record Queued(Func<Task> Run, Action<Exception> Fail);
}
