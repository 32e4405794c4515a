using System.CommandLine;
using Spectre.Console;
using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Execution;
using Tutorial.Notebooks.Export;
using Tutorial.Notebooks.Lessons;
using Tutorial.Notebooks.Rendering;

namespace Tutorial.Notebooks.Cli;

/// <summary>The runner program: check the command line and the folders, run each selected lesson in its own process,
/// write the notebooks with outputs, the key figures and the site, print a summary and return the exit code.</summary>
public static class RunnerCommand
{
    /// <summary>Every lesson ran and every cell passed.</summary>
    public const int Success = 0;

    /// <summary>At least one lesson failed: a cell failed or timed out, its process crashed, or its notebook is invalid.</summary>
    public const int LessonsFailed = 1;

    /// <summary>The command line or the folders are wrong; nothing was run.</summary>
    public const int UsageError = 2;

    /// <summary>Interrupted with Ctrl+C.</summary>
    public const int Interrupted = 130;

    /// <summary>Runs the program on the process console. Output degrades to plain lines, without colours or a live
    /// progress line, when it is redirected (CI logs, files).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        // The hidden lesson-host mode: this same program, started by IsolatedExecutor, runs one lesson.
        if (args is [IsolatedExecutor.HostCommand, var nonce])
        {
            return await LessonHost.RunAsync(nonce);
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var redirected = Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            // A log has no window width; 80 columns would wrap every table row.
            console.Profile.Width = 200;
        }

        return await RunAsync(args, console, Console.Error, cancel.Token);
    }

    /// <summary>Runs the program: tables and progress go to <paramref name="console"/>, problems to <paramref name="error"/>
    /// as one <c>error: ...</c> line each.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken = default)
    {
        var commandLine = new RunnerCommandLine();
        var parse = commandLine.Root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors.Select(e => e.Message).Distinct())
            {
                error.WriteLine($"error: {problem.TrimEnd('.')} (see --help)");
            }

            return UsageError;
        }

        // The root command has no action of its own: an action here is --help (or another built-in option).
        if (parse.Action is not null)
        {
            using var help = new StringWriter();
            var exitCode = await parse.InvokeAsync(new InvocationConfiguration { Output = help, Error = error }, cancellationToken);
            console.Write(new Text(help.ToString()));
            return exitCode;
        }

        try
        {
            return await RunLessonsAsync(commandLine.Read(parse), console, error, cancellationToken);
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return UsageError;
        }
        catch (LessonNotFoundException e)
        {
            error.WriteLine($"error: {e.Message}");
            return UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("error: interrupted");
            return Interrupted;
        }
    }

    private static async Task<int> RunLessonsAsync(RunnerOptions options, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken)
    {
        var root = LessonCatalog.FindRepositoryRoot();
        var notebooksFolder = Path.GetFullPath(options.NotebooksFolder ?? Path.Combine(RequireRoot(root, "--notebooks"), "notebooks"));
        if (!Directory.Exists(notebooksFolder))
        {
            throw new UsageException(File.Exists(notebooksFolder)
                ? $"{notebooksFolder} is a file; --notebooks needs the folder that holds the lessons"
                : $"{notebooksFolder}: no such folder");
        }

        var scan = LessonCatalog.Scan(notebooksFolder);
        if (scan.Lessons.Count == 0)
        {
            throw new UsageException($"{notebooksFolder} has no lessons: a lesson is a notebook named {LessonCatalog.NamePattern}"
                + (scan.Skipped.Count > 0 ? $" ({scan.Skipped.Count} other .ipynb file(s) there, e.g. {Path.GetFileName(scan.Skipped[0])})" : ""));
        }

        var lessons = LessonCatalog.Select(scan.Lessons, options.Lessons);
        var outputFolder = Path.GetFullPath(options.OutputFolder ?? Path.Combine(RequireRoot(root, "--out"), "artifacts"));
        var layout = new OutputLayout(outputFolder);
        layout.CheckWritable(notebooksFolder, lessons);

        if (options.Lessons.Count == 0)
        {
            foreach (var skipped in scan.Skipped)
            {
                console.WriteLine($"note: skipped {Path.GetFileName(skipped)}: not a lesson (a lesson's file name is {LessonCatalog.NamePattern})");
            }
        }

        // Every notebook is read before the first lesson runs, so a broken one is reported at once, not after minutes.
        var notebooks = new List<NotebookDocument>();
        var invalid = new List<InvalidLesson>();
        foreach (var lesson in lessons)
        {
            try
            {
                var notebook = NotebookDocument.Load(lesson.Path);
                notebook.RequireCSharp();
                notebooks.Add(notebook);
            }
            catch (Exception e) when (e is NotebookFormatException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: {e.Message}");
                invalid.Add(new InvalidLesson(lesson.Id, lesson.Path, e.Message));
            }
        }

        // The apps are written before anything runs: they need no execution, and a lesson that cannot be exported is a
        // course defect worth knowing about at once.
        var exportFailed = !ExportApps(notebooks, layout.AppsFolder, all: options.Lessons.Count == 0, error);
        console.WriteLine($"apps: {layout.AppsFolder} (run one with: dotnet run {Path.Combine(layout.AppsFolder, "NN-name.cs")})");
        if (options.AppsOnly)
        {
            return invalid.Count == 0 && !exportFailed ? Success : LessonsFailed;
        }

        var executor = new IsolatedExecutor(new ExecutionOptions { CellTimeout = options.CellTimeout, MaxMemoryBytes = options.MaxMemoryBytes });
        var runs = new List<NotebookRun>();
        await ConsoleProgress.RunAsync(console, async progress =>
        {
            for (var i = 0; i < notebooks.Count; i++)
            {
                progress.LessonStarting(notebooks[i], i + 1, notebooks.Count);
                var run = await executor.RunAsync(notebooks[i], [], progress, cancellationToken);
                runs.Add(run);
                progress.LessonFinished(run);
                ExecutedNotebookWriter.Write(run, layout.NotebookPath(run.Notebook.Name));
            }
        });

        console.WriteLine();
        SummaryTable.Write(console, runs, invalid);
        console.WriteLine($"notebooks with outputs: {layout.NotebooksFolder}");
        KeyFiguresFile.Write(layout.KeyFiguresPath, runs);
        console.WriteLine($"key figures: {layout.KeyFiguresPath}");
        if (options.RenderSite)
        {
            var index = SiteRenderer.Render(runs, layout.SiteFolder, invalid: invalid);
            console.WriteLine($"site: {index}");
        }

        return invalid.Count == 0 && !exportFailed && runs.All(r => r.Succeeded) ? Success : LessonsFailed;
    }

    // Exports each lesson as a file-based app; each lesson that cannot be exported gets one error line. When every lesson
    // is selected, apps of lessons that no longer exist are removed too (lessons get renumbered).
    private static bool ExportApps(IReadOnlyList<NotebookDocument> notebooks, string appsFolder, bool all, TextWriter error)
    {
        var ok = true;
        foreach (var notebook in notebooks)
        {
            try
            {
                FileBasedApps.Export(notebook.Path, appsFolder);
            }
            catch (LessonExportException e)
            {
                error.WriteLine($"error: {e.Message}");
                ok = false;
            }
        }

        if (all)
        {
            FileBasedApps.DeleteStaleApps(appsFolder, notebooks.Select(n => n.Name + ".cs"));
        }

        return ok;
    }

    private static string RequireRoot(string? root, string option) =>
        root ?? throw new UsageException($"cannot find the repository root ({LessonCatalog.SolutionFile}) above {Environment.CurrentDirectory}; run from inside the repository or pass {option}");
}
