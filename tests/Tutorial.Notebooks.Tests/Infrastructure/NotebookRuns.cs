using System.Collections.Concurrent;
using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Execution;

namespace Tutorial.Notebooks.Tests.Infrastructure;

/// <summary>Executes each notebook at most once per test run and hands every test the same result, so a lesson
/// with ten assertions costs one execution (a cold NuGet restore alone is ~8 s).</summary>
public static class NotebookRuns
{
    /// <summary>The longest a whole notebook may take in a test before the test fails instead of hanging.</summary>
    public static readonly TimeSpan NotebookTimeout = TimeSpan.FromMinutes(10);

    private static readonly ConcurrentDictionary<string, Lazy<Task<NotebookRun>>> Runs = new(StringComparer.Ordinal);

    /// <summary>The run of the notebook at <paramref name="path"/> with the default options (120 s per cell).
    /// The executed notebook is also written to <c>artifacts/test-notebooks/</c> to help diagnose a failing test.</summary>
    public static Task<NotebookRun> GetAsync(string path)
    {
        var fullPath = Path.GetFullPath(path);
        return Runs.GetOrAdd(fullPath, p => new Lazy<Task<NotebookRun>>(() => RunAsync(p))).Value.WaitAsync(NotebookTimeout);
    }

    private static async Task<NotebookRun> RunAsync(string path)
    {
        var run = await new NotebookExecutor().RunAsync(path);
        ExecutedNotebookWriter.Write(run, Path.Combine(TestPaths.RepositoryRoot, "artifacts", "test-notebooks", run.Notebook.Name + ".ipynb"));
        return run;
    }
}
