using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Execution;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Engine;

/// <summary>The rule the lesson tests apply to key-figure verdicts, on made-up runs (nothing executes).</summary>
public sealed class VerdictRuleTests
{
    private const string Agrees = "📌 a: 150 ms · model: 3 × 50 ms, expect 135–165 ms · ✅ agrees";
    private const string Busy = "📌 b: 90 ms · model: 50 ms, expect 45–55 ms · ⚠️ busy: other processes used 1.7 of 2 cores while it ran; rerun the cell";
    private const string Outside = "📌 c: 90 ms · model: 50 ms, expect 45–55 ms · ❌ outside: the machine was quiet; rerun the cell";

    private static NotebookRun Run(params string[] lines)
    {
        var notebook = NotebookDocument.Parse("/x/01-x.ipynb", """{"nbformat": 4, "cells": [{"cell_type": "code", "source": "1"}]}""");
        var text = string.Concat(lines.Select(l => l + "\n"));
        return new NotebookRun(notebook, [new CellResult(notebook.Cells[0], CellStatus.Passed, TimeSpan.Zero, [CellOutput.FromText(OutputKind.StandardOutput, text)], 1)], TimeSpan.Zero);
    }

    [Fact]
    public async Task A_busy_figure_reruns_the_lesson_exactly_once_and_an_agreeing_one_does_not()
    {
        var reruns = 0;
        Task<NotebookRun> Rerun()
        {
            reruns++;
            return Task.FromResult(Run(Agrees));
        }

        var quiet = await VerdictRuns.GetAsync(() => Task.FromResult(Run(Agrees)), Rerun);
        Assert.Equal(0, reruns);
        Assert.Null(quiet.Rerun);

        var busy = await VerdictRuns.GetAsync(() => Task.FromResult(Run(Agrees, Busy)), Rerun);
        Assert.Equal(1, reruns);
        Assert.Same(busy.Rerun, busy.Final);
    }

    [Fact]
    public void Outside_fails_and_still_busy_after_the_rerun_passes_with_a_warning()
    {
        var log = new List<string>();

        Assert.ThrowsAny<Exception>(() => NotebookAssert.KeyFiguresKeepTheirModels(new VerdictRuns(Run(Outside), null), log.Add));
        Assert.ThrowsAny<Exception>(() => NotebookAssert.KeyFiguresKeepTheirModels(new VerdictRuns(Run("📌 no colon here"), null), log.Add));
        NotebookAssert.KeyFiguresKeepTheirModels(new VerdictRuns(Run(Busy), Run(Busy)), log.Add);

        Assert.Contains(log, l => l.StartsWith("01-x: rerun once", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("WARNING 01-x: still busy after one rerun", StringComparison.Ordinal));
    }
}
