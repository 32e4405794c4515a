using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Execution;
using Tutorial.Notebooks.Lessons;
using Tutorial.Notebooks.Rendering;

namespace Tutorial.Notebooks.Cli;

/// <summary>The runner program: select lessons, execute them, write notebooks with outputs, render the site,
/// print a summary and return the exit code.</summary>
public static class RunnerCommand
{
    /// <summary>Every cell passed.</summary>
    public const int Success = 0;

    /// <summary>At least one cell failed or timed out.</summary>
    public const int CellsFailed = 1;

    /// <summary>Bad command line, unknown lesson, or a notebook that is not valid.</summary>
    public const int UsageError = 2;

    /// <summary>Runs the program with the process console.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await RunAsync(args, Console.Out, Console.Error, live: !Console.IsOutputRedirected, cancel.Token);
    }

    /// <summary>Runs the program writing to the given writers; <paramref name="live"/> enables the ticking progress line.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, bool live = false, CancellationToken cancellationToken = default)
    {
        try
        {
            var options = RunnerOptions.Parse(args);
            if (options.ShowHelp)
            {
                output.WriteLine(RunnerOptions.Usage);
                return Success;
            }

            return await RunLessonsAsync(options, output, live, cancellationToken);
        }
        catch (Exception e) when (e is UsageException or LessonNotFoundException or NotebookFormatException or FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"error: {e.Message}");
            return UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("error: cancelled");
            return 130;
        }
    }

    private static async Task<int> RunLessonsAsync(RunnerOptions options, TextWriter output, bool live, CancellationToken cancellationToken)
    {
        var root = LessonCatalog.FindRepositoryRoot();
        var notebooksFolder = Path.GetFullPath(options.NotebooksFolder ?? Path.Combine(RequireRoot(root), "notebooks"));
        var outputFolder = Path.GetFullPath(options.OutputFolder ?? Path.Combine(RequireRoot(root), "artifacts"));
        if (options.NotebooksFolder is not null && !Directory.Exists(notebooksFolder))
        {
            throw new DirectoryNotFoundException($"{notebooksFolder}: no such folder");
        }

        var all = LessonCatalog.Discover(notebooksFolder);
        var lessons = LessonCatalog.Select(all, options.Lessons);
        if (lessons.Count == 0)
        {
            output.WriteLine($"No lessons to run: {notebooksFolder} has no NN-name.ipynb notebooks.");
            return Success;
        }

        // Validate every selected notebook before spending minutes on the first ones.
        var notebooks = lessons.Select(l => NotebookDocument.Load(l.Path)).ToList();

        var executor = new NotebookExecutor(new ExecutionOptions { CellTimeout = options.CellTimeout });
        var runs = new List<NotebookRun>();
        using (var progress = new ConsoleProgress(output, live))
        {
            for (var i = 0; i < notebooks.Count; i++)
            {
                progress.LessonStarting(notebooks[i], i + 1, notebooks.Count);
                var run = await executor.RunAsync(notebooks[i], progress, cancellationToken);
                runs.Add(run);
                ExecutedNotebookWriter.Write(run, Path.Combine(outputFolder, "notebooks", run.Notebook.Name + ".ipynb"));
            }
        }

        output.WriteLine();
        output.Write(SummaryTable.Format(runs));
        output.WriteLine($"notebooks with outputs: {Path.Combine(outputFolder, "notebooks")}");
        if (options.RenderSite)
        {
            var index = SiteRenderer.Render(runs, Path.Combine(outputFolder, "site"));
            output.WriteLine($"site: {index}");
        }

        return runs.All(r => r.Succeeded) ? Success : CellsFailed;
    }

    private static string RequireRoot(string? root) =>
        root ?? throw new UsageException($"cannot find the repository root ({LessonCatalog.SolutionFile}) above {Environment.CurrentDirectory}; run from inside the repository or pass --notebooks and --out");
}
