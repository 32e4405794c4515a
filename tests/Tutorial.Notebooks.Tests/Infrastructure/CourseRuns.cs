using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Execution;
using Tutorial.Notebooks.Lessons;

namespace Tutorial.Notebooks.Tests.Infrastructure;

/// <summary>
/// The course's lessons, each executed once per client and shared by every test that asserts on it:
/// <list type="bullet">
/// <item>the engine, as the runner runs it (a child process per lesson), alone on the machine
/// (<see cref="MachineGate.ExclusiveAsync"/>) so its key-figure verdicts mean something; after the lesson's own cells,
/// each exercise's solution, its check, each wrong solution and the check again are submitted to the same kernel;</item>
/// <item>the stock kernel a learner uses (<c>dotnet repl</c>), up to two at once, with the same submissions appended as cells.</item>
/// </list>
/// </summary>
public static class CourseRuns
{
    /// <summary>The longest one lesson run may take in a test before the test fails instead of hanging.</summary>
    public static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan ToolRestoreLimit = TimeSpan.FromMinutes(3);
    private static readonly ConcurrentDictionary<string, Lazy<Task<VerdictRuns>>> Verdicts = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<Task<StockKernelRun>>> StockRuns = new(StringComparer.Ordinal);
    private static readonly Lazy<Task> ToolsRestored = new(RestoreToolsAsync);

    /// <summary>Every lesson in <c>notebooks/</c>, in course order; or, for a quick local iteration on a few lessons, only
    /// those named in the environment variable <c>TUTORIAL_TEST_LESSONS</c> (e.g. <c>"07 08"</c>; never set in CI).</summary>
    public static IReadOnlyList<Lesson> Lessons
    {
        get
        {
            var all = LessonCatalog.Discover(TestPaths.LessonsFolder);
            var only = Environment.GetEnvironmentVariable("TUTORIAL_TEST_LESSONS");
            return string.IsNullOrWhiteSpace(only) ? all : LessonCatalog.Select(all, only.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    /// <summary>The lesson named by <paramref name="selector"/> (<c>01</c>, <c>1</c>, <c>worker-pool</c>, <c>01-worker-pool</c>).</summary>
    public static Lesson Find(string selector) => LessonCatalog.Select(Lessons, [selector]).Single();

    // The first request for any lesson's engine run starts them all: one measured phase (see MachineGate) in course order.
    // Two lessons' processes at a time start and warm up their compilers side by side, one per core; then each of the
    // two runs its lesson with the machine to itself, and the next two start. (Warming one process at a time would leave
    // a core idle for every lesson; warming them all up front would keep a dozen idle processes in memory.)
    private static readonly Lazy<IReadOnlyDictionary<string, Task<NotebookRun>>> EngineRuns = new(() =>
    {
        var lessons = Lessons;
        var results = lessons.ToDictionary(l => l.Path, _ => new TaskCompletionSource<NotebookRun>(TaskCreationOptions.RunContinuationsAsynchronously), StringComparer.Ordinal);
        _ = Task.Run(async () =>
        {
            using var phase = MachineGate.BeginMeasuredPhase();
            foreach (var pair in lessons.Chunk(MachineGate.Slots))
            {
                var turn = Task.CompletedTask;
                var runs = new List<Task>();
                foreach (var lesson in pair)
                {
                    var run = RunEngineAsync(lesson, withFollowUps: true, turn);
                    runs.Add(CompleteAsync(results[lesson.Path], run));
                    turn = SwallowAsync(run);
                }

                await Task.WhenAll(runs);
            }
        });
        return results.ToDictionary(r => r.Key, r => r.Value.Task, StringComparer.Ordinal);
    });

    // The stock-kernel runs, two at a time; as shared work they start when no lesson is being measured.
    private static readonly Lazy<Task> StockPipeline = new(() => Task.Run(async () =>
    {
        var queue = new ConcurrentQueue<Lesson>(Lessons);
        await Task.WhenAll(Enumerable.Range(0, MachineGate.Slots).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var lesson))
            {
                await SwallowAsync(StockRun(lesson));
            }
        })));
    }));

    /// <summary>The lesson's one engine run (with the exercise follow-ups).</summary>
    public static Task<NotebookRun> EngineAsync(string selector) =>
        EngineRuns.Value[Find(selector).Path].WaitAsync(MachineGate.WaitLimit + RunLimit);

    private static Task<StockKernelRun> StockRun(Lesson lesson) =>
        StockKernelAsync(lesson.Path, Exercises.FollowUpsFor(NotebookDocument.Load(lesson.Path)));

    private static async Task CompleteAsync(TaskCompletionSource<NotebookRun> result, Task<NotebookRun> run)
    {
        try
        {
            result.SetResult(await run);
        }
        catch (Exception e)
        {
            result.SetException(e);
        }
    }

    // A pipeline goes on past a failed run; the test that asked for that run sees the failure.
    private static async Task SwallowAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
        }
    }

    /// <summary>The run whose key-figure verdicts count: the engine run, and when a figure in it was <c>⚠️ busy</c>, one
    /// more run of the lesson, as a learner would rerun it. Tolerances are never widened.</summary>
    public static Task<VerdictRuns> VerdictsAsync(string selector)
    {
        var lesson = Find(selector);
        return Verdicts.GetOrAdd(lesson.Path, _ => new Lazy<Task<VerdictRuns>>(() =>
                VerdictRuns.GetAsync(() => EngineAsync(selector), () => RunEngineAsync(lesson, withFollowUps: false, Task.CompletedTask))))
            .Value.WaitAsync(2 * (MachineGate.WaitLimit + RunLimit));
    }

    /// <summary>The lesson's one stock-kernel run (with the exercise follow-ups appended as cells).</summary>
    public static Task<StockKernelRun> StockKernelAsync(string selector)
    {
        var lesson = Find(selector);
        _ = StockPipeline.Value;
        return StockRun(lesson);
    }

    /// <summary>The stock-kernel run of any notebook (cached per path), with <paramref name="followUps"/> appended as cells.</summary>
    public static Task<StockKernelRun> StockKernelAsync(string notebookPath, IReadOnlyList<FollowUp> followUps) =>
        StockRuns.GetOrAdd(Path.GetFullPath(notebookPath), p => new Lazy<Task<StockKernelRun>>(() => RunStockKernelAsync(p, followUps)))
                 .Value.WaitAsync(MachineGate.WaitLimit + RunLimit);

    // The child starts and warms up its compiler on a shared slot of the measured phase; then, once the run before it in
    // the phase (turn) has ended, the lesson runs with the machine to itself.
    private static async Task<NotebookRun> RunEngineAsync(Lesson lesson, bool withFollowUps, Task turn)
    {
        var notebook = NotebookDocument.Load(lesson.Path);
        var followUps = withFollowUps ? Exercises.FollowUpsFor(notebook) : [];
        var slot = await MachineGate.SharedAsync(partOfMeasuredPhase: true);
        try
        {
            var run = await new IsolatedExecutor().RunAsync(notebook, followUps, whenReady: async () =>
            {
                slot.Dispose();
                await turn.WaitAsync(MachineGate.WaitLimit + RunLimit);
                return await MachineGate.ExclusiveAsync();
            });
            var folder = withFollowUps ? "test-notebooks" : "test-notebooks-rerun";
            ExecutedNotebookWriter.Write(run, Path.Combine(TestPaths.RepositoryRoot, "artifacts", folder, run.Notebook.Name + ".ipynb"));
            return run;
        }
        finally
        {
            slot.Dispose();
        }
    }

    // dotnet repl runs the notebook from the notebook's own folder: it resolves relative #r paths against its working
    // directory, and finds the tool manifest by walking up from it. The copy with the follow-up cells lives in the test
    // output, so the lessons folder is never written to.
    private static async Task<StockKernelRun> RunStockKernelAsync(string notebookPath, IReadOnlyList<FollowUp> followUps)
    {
        await ToolsRestored.Value;
        var folder = TestPaths.NewOutputFolder("stock-kernel");
        var input = Path.Combine(folder, "in-" + Path.GetFileName(notebookPath));
        var output = Path.Combine(folder, Path.GetFileName(notebookPath));
        var json = JsonNode.Parse(File.ReadAllText(notebookPath))!.AsObject();
        var cells = json["cells"]!.AsArray();
        var lessonCells = cells.Count;
        foreach (var followUp in followUps)
        {
            cells.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["outputs"] = new JsonArray(),
                ["source"] = followUp.Source,
            });
        }

        File.WriteAllText(input, json.ToJsonString());
        ProcessRunner.Result result;
        using (await MachineGate.SharedAsync())
        {
            result = await ProcessRunner.RunUngatedAsync(
                "dotnet",
                ["repl", "--run", input, "--exit-after-run", "--output-path", output],
                Path.GetDirectoryName(notebookPath)!,
                RunLimit);
        }

        Assert.True(File.Exists(output), $"dotnet repl wrote no notebook; {result}");
        var written = JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray();
        return new StockKernelRun(Path.GetFileNameWithoutExtension(notebookPath), result, [.. written.Take(lessonCells)],
            [.. followUps.Select((f, i) => (f, written[lessonCells + i]))]);
    }

    private static async Task RestoreToolsAsync()
    {
        var result = await ProcessRunner.RunAsync("dotnet", ["tool", "restore"], TestPaths.RepositoryRoot, ToolRestoreLimit);
        Assert.True(result.ExitCode == 0, $"dotnet tool restore: {result}");
    }
}

/// <summary>The runs whose verdicts count: the first, and a rerun when the first had a <c>⚠️ busy</c> figure.</summary>
/// <param name="First">The lesson's engine run.</param>
/// <param name="Rerun">The second run, or null when none was needed.</param>
public sealed record VerdictRuns(NotebookRun First, NotebookRun? Rerun)
{
    /// <summary>Takes the first run and, when one of its figures is <c>⚠️ busy</c>, exactly one more.</summary>
    public static async Task<VerdictRuns> GetAsync(Func<Task<NotebookRun>> first, Func<Task<NotebookRun>> rerun)
    {
        var run = await first();
        return run.KeyFigures.Any(k => k.Verdict == KeyFigureVerdict.Busy) ? new VerdictRuns(run, await rerun()) : new VerdictRuns(run, null);
    }

    /// <summary>The run whose verdicts are final.</summary>
    public NotebookRun Final => Rerun ?? First;
}

/// <summary>A notebook executed by <c>dotnet repl</c>.</summary>
/// <param name="Name">The notebook's name.</param>
/// <param name="Process">How dotnet repl ended.</param>
/// <param name="Cells">The notebook's own cells, with outputs.</param>
/// <param name="FollowUps">Each appended submission and its cell, with outputs.</param>
public sealed record StockKernelRun(string Name, ProcessRunner.Result Process, IReadOnlyList<JsonNode?> Cells, IReadOnlyList<(FollowUp FollowUp, JsonNode? Cell)> FollowUps)
{
    /// <summary>Every output's text of a cell, joined.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray array => string.Concat(array.Select(Text)),
        JsonObject obj => string.Concat(obj.Select(p => p.Key is "output_type" or "name" or "metadata" or "execution_count" or "source" or "cell_type" or "id" ? "" : Text(p.Value))),
        JsonValue value => value.ToString(),
        _ => "",
    };

    /// <summary>Each error or stderr output of <paramref name="cells"/>, as <c>cell N: text</c>.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<JsonNode?> cells, int firstNumber = 1) =>
    [
        .. cells.Select((cell, i) => (Number: firstNumber + i, Outputs: cell?["outputs"] as JsonArray ?? []))
            .SelectMany(c => c.Outputs.Where(o => (string?)o!["output_type"] == "error" || (string?)o!["name"] == "stderr")
                .Select(o => $"cell {c.Number}: {(string?)o!["evalue"] ?? Text(o)}")),
    ];

    /// <summary>The output text of the follow-up labelled <paramref name="label"/>.</summary>
    public string FollowUpText(string label) => Text(FollowUps.Single(f => f.FollowUp.Label == label).Cell?["outputs"]);
}
