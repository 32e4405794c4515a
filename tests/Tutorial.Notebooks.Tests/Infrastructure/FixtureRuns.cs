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

    // An in-process run sets the process's working directory while it runs (the engine serialises its own runs for that):
    // one at a time here too, so that a test can read the directory before and after a run with no other run in between.
    // Taken before the machine slot, so that a run waiting for its turn does not hold a core another test could use.
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    private static async Task<NotebookRun> RunAsync(string path, ExecutionOptions options) =>
        (await RunWatchingTheWorkingDirectoryAsync(path, options)).Run;

    /// <summary>Runs a notebook in-process (not cached), holding a shared slot of the <see cref="MachineGate"/>, and returns the
    /// process's working directory just before and just after the run.</summary>
    public static async Task<(NotebookRun Run, string Before, string After)> RunWatchingTheWorkingDirectoryAsync(string path, ExecutionOptions options)
    {
        if (!await InProcess.WaitAsync(MachineGate.WaitLimit + CourseRuns.RunLimit))
        {
            throw new TimeoutException("waited too long for another in-process notebook run to end");
        }

        try
        {
            using (await MachineGate.SharedAsync())
            {
                var before = Environment.CurrentDirectory;
                var run = await new NotebookExecutor(options).RunAsync(path).WaitAsync(CourseRuns.RunLimit);
                return (run, before, Environment.CurrentDirectory);
            }
        }
        finally
        {
            InProcess.Release();
        }
    }
}
