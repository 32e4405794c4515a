using System.Globalization;

namespace Tutorial.Notebooks.Cli;

/// <summary>The runner's command line, parsed.</summary>
public sealed record RunnerOptions
{
    /// <summary>Lesson selectors (<c>01</c>, <c>worker-pool</c>); empty means every lesson.</summary>
    public IReadOnlyList<string> Lessons { get; init; } = [];

    /// <summary>Output folder; null means <c>artifacts/</c> under the repository root.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>Folder holding the <c>NN-name.ipynb</c> notebooks; null means <c>notebooks/</c> under the repository root.</summary>
    public string? NotebooksFolder { get; init; }

    /// <summary>Per-cell timeout.</summary>
    public TimeSpan CellTimeout { get; init; } = Execution.ExecutionOptions.DefaultCellTimeout;

    /// <summary>False with <c>--no-site</c>.</summary>
    public bool RenderSite { get; init; } = true;

    /// <summary>True with <c>--help</c>.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>The usage text.</summary>
    public const string Usage = """
        Runs the course notebooks headless, writes them with their outputs and renders an offline site.

        Usage: dotnet run --project lib/Tutorial.Notebooks -- [LESSON...] [options]

          LESSON              a lesson number (01, 3) or name (worker-pool); default: every notebooks/NN-*.ipynb
          --out DIR           output folder (default: artifacts/ at the repository root);
                              notebooks go to DIR/notebooks, the site to DIR/site
          --timeout SECONDS   per-cell timeout (default: 120)
          --no-site           only execute and write the notebooks
          --notebooks DIR     run the notebooks of another folder (default: notebooks/ at the repository root)
          -h, --help          show this help

        Key figures: a cell that prints a line "📌 label: value" publishes a headline measurement,
        e.g. KeyFigure.Print("20 jobs / 5 workers", elapsed) prints "📌 20 jobs / 5 workers: 201.3 ms".
        The summary table and the site's index list them.

        Exit code: 0 when every cell passed, 1 when a cell failed or timed out, 2 for usage errors,
        unknown lessons and invalid notebooks.
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="UsageException">An unknown option or a missing or invalid value.</exception>
    public static RunnerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new RunnerOptions();
        var lessons = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    options = options with { ShowHelp = true };
                    break;
                case "--out" or "-o":
                    options = options with { OutputFolder = Value(args, ref i) };
                    break;
                case "--notebooks":
                    options = options with { NotebooksFolder = Value(args, ref i) };
                    break;
                case "--timeout":
                    var text = Value(args, ref i);
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                    {
                        throw new UsageException($"--timeout needs a positive number of seconds, not '{text}'");
                    }

                    options = options with { CellTimeout = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--no-site":
                    options = options with { RenderSite = false };
                    break;
                case "--":
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        throw new UsageException($"unknown option '{arg}' (see --help)");
                    }

                    lessons.Add(arg);
                    break;
            }
        }

        return options with { Lessons = lessons };
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"{args[i]} needs a value (see --help)");
        }

        return args[++i];
    }
}
