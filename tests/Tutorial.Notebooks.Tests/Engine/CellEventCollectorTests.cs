using System.Diagnostics;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Tutorial.Notebooks.Execution;

namespace Tutorial.Notebooks.Tests.Engine;

/// <summary>The per-cell output cap and its cost: a runaway cell keeps its first and last part with a note of what was
/// cut, key figures in the cut part still count, and the work grows with what was printed, not with its square.</summary>
public sealed class CellEventCollectorTests
{
    private static readonly SubmitCode Command = new("// test");

    private static StandardOutputValueProduced Stdout(string text) => new(Command, [new FormattedValue("text/plain", text)]);

    [Fact]
    public void Small_output_is_kept_whole_and_adjacent_chunks_are_merged()
    {
        var collector = new CellEventCollector(1000);

        collector.OnNext(Stdout("a\n"));
        collector.OnNext(Stdout("b\n"));
        collector.OnNext(new StandardErrorValueProduced(Command, [new FormattedValue("text/plain", "oops\n")]));
        collector.OnNext(Stdout("c\n"));

        Assert.Equal(["a\nb\n", "oops\n", "c\n"], collector.Snapshot().Select(o => o.Text));
    }

    [Fact]
    public void Past_the_cap_the_head_and_tail_are_kept_and_a_note_says_how_much_was_cut()
    {
        var collector = new CellEventCollector(100);

        for (var i = 0; i < 1000; i++)
        {
            collector.OnNext(Stdout($"line {i:0000}\n")); // 10 characters each
        }

        var outputs = collector.Snapshot();
        Assert.Equal(3, outputs.Count);
        Assert.StartsWith("line 0000\nline 0001\n", outputs[0].Text, StringComparison.Ordinal);
        Assert.Equal(50, outputs[0].Text!.Length);
        Assert.Contains("9,900 characters (990 lines) cut here by the runner", outputs[1].Text, StringComparison.Ordinal);
        Assert.Equal(50, outputs[2].Text!.Length);
        Assert.EndsWith("line 0999\n", outputs[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_that_fills_the_head_exactly_leaves_no_empty_block()
    {
        var collector = new CellEventCollector(20);

        collector.OnNext(Stdout("0123456789"));
        collector.OnNext(new StandardErrorValueProduced(Command, [new FormattedValue("text/plain", "abcdefghij")]));
        collector.OnNext(Stdout("KLMNOPQRST"));

        Assert.DoesNotContain(collector.Snapshot(), o => o.Text == "");
    }

    [Fact]
    public void Key_figures_are_collected_from_the_cut_part_and_across_chunks()
    {
        var collector = new CellEventCollector(100);

        collector.OnNext(Stdout(new string('x', 500) + "\n"));
        collector.OnNext(Stdout("📌 hidden in the "));
        collector.OnNext(Stdout("middle: 1 ms\n" + new string('y', 500) + "\n"));

        Assert.Equal(["📌 hidden in the middle: 1 ms"], collector.KeyFigureLines);
        Assert.DoesNotContain(collector.Snapshot(), o => o.Text?.Contains("hidden", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Collecting_is_linear_in_the_output_size()
    {
        // Holds a slot like a notebook run: this much CPU beside a lesson would make its figures busy.
        using var slot = await Infrastructure.MachineGate.SharedAsync();
        // Before the cap, 50,000 printed lines cost about 70 s (quadratic merging). Linear work makes ten times the
        // output cost about ten times as much; quadratic would be a hundred. The bound is loose because the machine is shared.
        static TimeSpan Collect(int chunks)
        {
            // Events are made as they are collected, as the kernel makes them: a list of them all made up front would be a
            // live set growing with the size, which makes every garbage collection slower and the test itself superlinear.
            var collector = new CellEventCollector(ExecutionOptions.DefaultMaxOutputCharacters);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < chunks; i++)
            {
                collector.OnNext(Stdout($"a line of output number {i}\n"));
            }

            _ = collector.Snapshot();
            return watch.Elapsed;
        }

        // The fastest of three runs of each size: a collection or a preemption on a shared machine only ever adds time.
        Collect(10_000); // warm-up
        var small = Enumerable.Range(0, 3).Select(_ => Collect(20_000)).Min();
        var large = Enumerable.Range(0, 3).Select(_ => Collect(200_000)).Min();

        Assert.True(large < TimeSpan.FromSeconds(10), $"200,000 chunks took {large.TotalSeconds:0.0} s");
        Assert.True(large.TotalMilliseconds < 40 * Math.Max(small.TotalMilliseconds, 1), $"10x the output took {large.TotalMilliseconds / small.TotalMilliseconds:0}x the time ({small.TotalMilliseconds:0} ms -> {large.TotalMilliseconds:0} ms)");
    }
}
