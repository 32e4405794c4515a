using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;
using Mark = Tutorial.Lab.KeyFigureLine.VerdictMark;

namespace Tutorial.Lab.Tests.Measurement;

public class KeyFigureTests
{
    private static readonly Model Sequential = Model.About(150, "ms", "3 × 50 ms", tolerance: 0.10);
    private static readonly LoadReading Busy = new(1.7, 1.8, 2, TimeSpan.FromSeconds(1));
    private static readonly LoadReading Quiet = new(0.1, 0.2, 2, TimeSpan.FromSeconds(1));

    [Fact]
    public void A_value_inside_the_range_agrees_without_reading_the_load()
    {
        var reads = 0;

        var line = KeyFigure.Judge("sequential, 3 x 50 ms", 150.44, Sequential, () =>
        {
            reads++;
            return Busy;
        });

        Assert.Equal("📌 sequential, 3 x 50 ms: 150.4 ms · model: 3 × 50 ms, expect 135–165 ms · ✅ agrees", line.Format());
        Assert.Equal(0, reads);
    }

    [Fact]
    public void Outside_the_range_on_a_busy_machine_the_verdict_says_how_busy()
    {
        var line = KeyFigure.Judge("sequential, 3 x 50 ms", 189.93, Sequential, () => Busy);

        Assert.Equal(Mark.Busy, line.Verdict);
        Assert.Equal("📌 sequential, 3 x 50 ms: 189.9 ms · model: 3 × 50 ms, expect 135–165 ms · ⚠️ busy: above the model: " +
                     "other processes used 1.7 of 2 cores while it ran; rerun the cell", line.Format());
    }

    [Fact]
    public void Outside_the_range_on_a_quiet_machine_is_unexpected()
    {
        var line = KeyFigure.Judge("sequential, 3 x 50 ms", 170, Sequential, () => Quiet);

        Assert.Equal(Mark.Outside, line.Verdict);
        Assert.StartsWith("above the model on a quiet machine (other processes used 0.1 of 2 cores while it ran); unexpected: rerun the cell", line.Reason);
    }

    [Fact]
    public void A_duration_below_its_model_is_outside_even_on_a_busy_machine_because_load_only_slows_timings_down()
    {
        var line = KeyFigure.Judge("sequential, 3 x 50 ms", 100, Sequential, () => Busy);

        Assert.Equal(Mark.Outside, line.Verdict);
        Assert.StartsWith("below the model: load can only slow a timing down", line.Reason);
    }

    [Fact]
    public void A_gap_between_two_events_below_its_model_on_a_busy_machine_is_busy_because_a_delayed_first_event_shortens_it()
    {
        var line = KeyFigure.Judge("the shortest gap", 38.6, Model.AtLeast(45, "ms apart", "50 ms apart on the timer clock"), () => Busy);

        Assert.Equal(Mark.Busy, line.Verdict);
        Assert.StartsWith("below the model: other processes used 1.7 of 2 cores", line.Reason);
    }

    [Fact]
    public void A_count_below_its_model_on_a_busy_machine_is_busy_because_load_can_move_it_either_way()
    {
        var line = KeyFigure.Judge("batches", 4, Model.Between(8, 10, "batches", "about 9"), () => Busy);

        Assert.Equal(Mark.Busy, line.Verdict);
        Assert.StartsWith("below the model: other processes used 1.7 of 2 cores", line.Reason);
    }

    [Fact]
    public void Outside_the_range_with_no_load_reading_says_so()
    {
        var line = KeyFigure.Judge("sequential, 3 x 50 ms", 170, Sequential, () => null);

        Assert.Equal(Mark.Outside, line.Verdict);
        Assert.Equal("above the model; no load reading on this OS; rerun the cell", line.Reason);
    }

    [Fact]
    public void A_burst_inside_the_window_makes_the_machine_busy_even_when_the_average_is_low()
    {
        var burst = new LoadReading(0.3, 1.9, 2, TimeSpan.FromSeconds(2));

        var line = KeyFigure.Judge("x", 170, Sequential, () => burst);

        Assert.Equal(Mark.Busy, line.Verdict);
        Assert.Contains("other processes used 0.3 of 2 cores on average and up to 1.9 while it ran", line.Reason);
    }

    [Fact]
    public void Every_judged_line_parses_back_to_the_same_figure()
    {
        foreach (var (value, load) in new (double, LoadReading?)[] { (150, Busy), (170, Busy), (100, Quiet), (1000, null) })
        {
            var line = KeyFigure.Judge("a, b", value, Sequential, () => load);

            Assert.True(KeyFigureLine.TryParse(line.Format(), out var parsed), line.Format());
            Assert.Equal(line, parsed);
        }
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => KeyFigure.Judge("a: b", 1, Sequential, () => null).Format());
        Assert.Throws<ArgumentException>(() => KeyFigure.Judge("a", double.NaN, Sequential, () => null));
        Assert.Throws<ArgumentNullException>(() => KeyFigure.Judge("a", 1, null!, () => null));
        var wrongUnit = Assert.Throws<ArgumentException>(() => KeyFigure.Check("a", TimeSpan.FromMilliseconds(1), Model.AtMost(2, "x", "d")));
        Assert.Contains("printed in ms", wrongUnit.Message);
        Assert.Throws<ArgumentException>(() => KeyFigure.Print("a: b", "1"));
        Assert.Throws<ArgumentException>(() => KeyFigure.Print("a", " "));
    }
}

[Collection(TimingCollection.Name)] // it redirects Console.Out, so no other test may print meanwhile
public class KeyFigureOutputTests
{
    [Fact]
    public async Task Print_and_Check_write_lines_the_parser_reads()
    {
        var saved = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            KeyFigure.Print("logical cores", "2");
            KeyFigure.Print("one job", TimeSpan.FromMilliseconds(50.24));
            var samples = await Measure.RepeatAsync(3, () => Task.CompletedTask).WaitAsync(TimeSpan.FromSeconds(10));
            var verdict = KeyFigure.Check("nothing, 3 times", samples, Model.AtMost(TimeSpan.FromSeconds(5), "no work"));
            Assert.Equal(Verdict.Agrees, verdict);
            Assert.Equal(Verdict.Agrees, KeyFigure.Check("ratio", 2.04, Model.About(2, "x", "2 workers", 0.1)));
        }
        finally
        {
            Console.SetOut(saved);
        }

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("📌 logical cores: 2", lines[0]);
        Assert.Equal("📌 one job: 50.2 ms", lines[1]);
        Assert.All(lines, line => Assert.True(KeyFigureLine.TryParse(line, out _), line));
        Assert.EndsWith("ms · model: no work, expect ≤ 5000 ms · ✅ agrees", lines[2]);
        Assert.Equal("📌 ratio: 2.04 x · model: 2 workers, expect 1.8–2.2 x · ✅ agrees", lines[3]);
    }
}
