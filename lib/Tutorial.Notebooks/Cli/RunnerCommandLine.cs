using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Tutorial.Notebooks.Cli;

/// <summary>The runner's arguments and usage text, declared with System.CommandLine.</summary>
internal sealed class RunnerCommandLine
{
    /// <summary>The longest per-cell timeout accepted: a day. A longer wait is a typo (1e10), and timers cannot wait
    /// much longer (about 24.8 days) anyway.</summary>
    public const double MaxTimeoutSeconds = 86_400;

    public const string Epilog = """
        Lessons are the files named NN-name.ipynb in the lessons folder (the name may have spaces and letters outside
        ASCII); other .ipynb files there are skipped with a note. Each lesson runs in a process of its own, so whatever a
        cell does (Environment.Exit, an exception on a background thread, running out of memory, hanging) only fails
        that lesson; the others still run and the summary and the site are still written. Only C# notebooks and cells
        are run: another language is refused with the reason. A cell keeps at most 200,000 characters of output (the
        first and the last half; a line says how much was cut).

        Key figures: a cell that prints a line "📌 label: value" publishes a headline measurement; a line
        "📌 label: value unit · model: derivation, expect range · verdict" also says what the model predicts and whether the
        value agrees (✅ agrees, ⚠️ busy: why, ❌ outside: why). The summary, the site's index and
        OUT/key-figures.json list every key figure with its model and verdict.

        Apps: every selected lesson is also exported as a .NET 10 file-based app, OUT/apps/NN-name.cs, so it runs with no
        notebook kernel: `dotnet run OUT/apps/NN-name.cs` (a chart is written to an HTML file whose path the app prints).
        A lesson that cannot be exported (e.g. a name declared in two cells) is named with its cell and fails the run.

        Exit codes:
            0  every lesson ran and every cell passed
            1  a lesson failed: a cell failed or timed out, the lesson's process crashed, or the notebook is invalid
               or not C# (each invalid notebook is named before any lesson runs; the others still run)
            2  usage error, nothing was run: a bad option or value, an unknown lesson, a missing lessons folder or
               one with no lessons, an --out that is a file, cannot be written or would overwrite the lessons
          130  interrupted (Ctrl+C)
        """;

    public RunnerCommandLine()
    {
        Root = new RootCommand("Runs the course notebooks headless, each lesson in its own process, writes them with their outputs and renders an offline site.")
        {
            Lessons, Out, Notebooks, Timeout, MaxMemory, NoSite, AppsOnly,
        };

        // An argument that looks like an option is a mistyped option, not a lesson called "--frobnicate".
        Lessons.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError($"unknown option '{token.Value}'");
            }
        });

        var help = Root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithEpilog((HelpAction)help.Action!);
    }

    public RootCommand Root { get; }

    public Argument<string[]> Lessons { get; } = new("LESSON")
    {
        Description = "A lesson number (01, 3) or name (worker-pool); default: every lesson",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Out { get; } = new("--out", "-o")
    {
        Description = "Output folder: notebooks go to DIR/notebooks, the site to DIR/site, key figures to DIR/key-figures.json [default: artifacts/ at the repository root]",
        HelpName = "DIR",
    };

    public Option<string?> Notebooks { get; } = new("--notebooks")
    {
        Description = "The lessons folder [default: notebooks/ at the repository root]",
        HelpName = "DIR",
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = $"Per-cell timeout in seconds, at most {MaxTimeoutSeconds:0}",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => Execution.ExecutionOptions.DefaultCellTimeout.TotalSeconds,
        CustomParser = ParseTimeout,
    };

    public Option<long?> MaxMemory { get; } = new("--max-memory")
    {
        Description = "Memory one lesson may use before its allocations fail [default: half of this machine's memory]",
        HelpName = "MB",
        CustomParser = ParseMegabytes,
    };

    public Option<bool> NoSite { get; } = new("--no-site")
    {
        Description = "Only execute and write the notebooks (and the apps)",
    };

    public Option<bool> AppsOnly { get; } = new("--apps-only")
    {
        Description = "Only export the lessons as .NET file-based apps to DIR/apps (run each with `dotnet run DIR/apps/NN-name.cs`); run nothing",
    };

    public RunnerOptions Read(ParseResult parse) => new()
    {
        Lessons = parse.GetValue(Lessons) ?? [],
        OutputFolder = parse.GetValue(Out),
        NotebooksFolder = parse.GetValue(Notebooks),
        CellTimeout = TimeSpan.FromSeconds(parse.GetValue(Timeout)),
        MaxMemoryBytes = parse.GetValue(MaxMemory),
        RenderSite = !parse.GetValue(NoSite),
        AppsOnly = parse.GetValue(AppsOnly),
    };

    private static double ParseTimeout(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds)
            || seconds <= 0 || seconds > MaxTimeoutSeconds)
        {
            result.AddError($"--timeout needs a number of seconds above 0 and at most {MaxTimeoutSeconds:0}, not '{text}'");
            return default;
        }

        return seconds;
    }

    private static long? ParseMegabytes(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        // At least enough for the C# compiler and the kernel; at most what a 64-bit heap limit can say.
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes) || megabytes < 256 || megabytes > 1L << 30)
        {
            result.AddError($"--max-memory needs a whole number of megabytes, at least 256, not '{text}'");
            return null;
        }

        return megabytes * 1024 * 1024;
    }

    // System.CommandLine writes the usage and the options; the rest of what a user needs (what a lesson is, key figures,
    // exit codes) follows it.
    private sealed class HelpWithEpilog(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = inner.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(Epilog);
            return exitCode;
        }
    }
}
