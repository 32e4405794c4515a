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
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>Runs a notebook in-process (not cached), holding a shared slot of the <see cref="MachineGate"/>.</summary>
    public static async Task<NotebookRun> RunAsync(string path, ExecutionOptions options) =>
        (await RunWatchingTheWorkingDirectoryAsync(path, options)).Run;

    /// <summary>Like <see cref="RunAsync"/>, and returns the process's working directory just before and just after the run.</summary>
    public static async Task<(NotebookRun Run, string Before, string After)> RunWatchingTheWorkingDirectoryAsync(string path, ExecutionOptions options)
    {
        using (await MachineGate.SharedAsync())
        {
            if (!await InProcess.WaitAsync(CourseRuns.RunLimit))
            {
                throw new TimeoutException($"another in-process notebook run took more than {CourseRuns.RunLimit.TotalMinutes:0} minutes");
            }

            try
            {
                var before = Environment.CurrentDirectory;
                var run = await new NotebookExecutor(options).RunAsync(path).WaitAsync(CourseRuns.RunLimit);
                return (run, before, Environment.CurrentDirectory);
            }
            finally
            {
                InProcess.Release();
            }
        }
    }

    /// <summary>Runs a notebook in a child process (not cached), holding a shared slot of the <see cref="MachineGate"/>.</summary>
    public static async Task<NotebookRun> RunIsolatedAsync(string path, ExecutionOptions options, IReadOnlyList<FollowUp>? followUps = null)
    {
        using (await MachineGate.SharedAsync())
        {
            return await new IsolatedExecutor(options).RunAsync(Documents.NotebookDocument.Load(path), followUps).WaitAsync(CourseRuns.RunLimit);
        }
    }
}
