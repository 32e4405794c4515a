using System.Text.Json.Nodes;
using Plotly.NET;

using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Charts;

/// <summary>The charts are checked through the figure JSON that plotly.js draws from: data, titles and axis titles.</summary>
public class ConcurrencyChartsTests
{
    private static JsonNode Figure(GenericChart chart) => JsonNode.Parse(GenericChart.toFigureJson(chart))!;

    private static double[] Numbers(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<double>())];

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    private static void AssertTitles(JsonNode figure, string title, string xTitle, string yTitle)
    {
        Assert.Equal(title, (string?)figure["layout"]!["title"]!["text"]);
        Assert.Equal(xTitle, (string?)figure["layout"]!["xaxis"]!["title"]!["text"]);
        Assert.Equal(yTitle, (string?)figure["layout"]!["yaxis"]!["title"]!["text"]);
    }

    [Fact]
    public void Gantt_draws_one_bar_per_job_from_its_start_with_its_duration_and_lanes_in_natural_order()
    {
        var timeline = new Timeline();
        timeline.Record("worker 10", 2, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100));
        timeline.Record("worker 2", 1, TimeSpan.FromMilliseconds(0), TimeSpan.FromMilliseconds(50));
        timeline.Record("worker 2", 3, TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(70), succeeded: false);

        var figure = Figure(ConcurrencyCharts.Gantt(timeline, "run"));

        AssertTitles(figure, "run", "time since start (ms)", "lane");
        var ok = figure["data"]![0]!;
        Assert.Equal("h", (string?)ok["orientation"]);
        Assert.Equal(["worker 2", "worker 10"], Strings(ok["y"]));
        Assert.Equal([0.0, 50.0], Numbers(ok["base"]));
        Assert.Equal([50.0, 50.0], Numbers(ok["x"]));
        Assert.Equal(["job 1", "job 2"], Strings(ok["text"]));
        var failed = figure["data"]![1]!;
        Assert.Equal(["job 3"], Strings(failed["text"]));
        // Top to bottom: worker 2 first, so the category array is listed bottom-up.
        Assert.Equal(["worker 10", "worker 2"], Strings(figure["layout"]!["yaxis"]!["categoryarray"]));
    }

    [Fact]
    public void Gantt_of_an_empty_timeline_is_refused() =>
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => ConcurrencyCharts.Gantt(new Timeline())).Message);

    [Fact]
    public void Makespan_chart_puts_the_ideal_staircase_beside_the_measurements()
    {
        var figure = Figure(ConcurrencyCharts.MakespanByWorkers(
            [(5, TimeSpan.FromMilliseconds(201)), (1, TimeSpan.FromMilliseconds(1003)), (3, TimeSpan.FromMilliseconds(352))],
            jobs: 20, jobDuration: TimeSpan.FromMilliseconds(50)));

        AssertTitles(figure, "Makespan against worker count", "workers", "makespan (ms)");
        Assert.Equal([1.0, 3.0, 5.0], Numbers(figure["data"]![0]!["x"]));
        Assert.Equal([1003.0, 352.0, 201.0], Numbers(figure["data"]![0]!["y"]));
        Assert.Equal([1000.0, 350.0, 200.0], Numbers(figure["data"]![1]!["y"])); // ceil(20 / w) x 50 ms
    }

    [Fact]
    public void Bars_label_each_value_and_title_both_axes()
    {
        var figure = Figure(ConcurrencyCharts.Bars(
            [("one after another", TimeSpan.FromMilliseconds(150.4)), ("all at once", TimeSpan.FromMilliseconds(50.2))],
            "three jobs", xTitle: "how the jobs ran"));

        AssertTitles(figure, "three jobs", "how the jobs ran", "wall-clock time (ms)");
        Assert.Equal(["one after another", "all at once"], Strings(figure["data"]![0]!["x"]));
        Assert.Equal(["150.4 ms", "50.2 ms"], Strings(figure["data"]![0]!["text"]));
    }

    [Fact]
    public void Grouped_bars_make_one_series_per_approach_and_can_use_a_log_scale()
    {
        var figure = Figure(ConcurrencyCharts.GroupedBars(
            [("Workers=2", "pool", 235), ("Workers=2", "ActionBlock", 405), ("Workers=8", "pool", 260)],
            "pools", "benchmark case", "ns per job", logY: true));

        AssertTitles(figure, "pools", "benchmark case", "ns per job");
        Assert.Equal(["pool", "ActionBlock"], figure["data"]!.AsArray().Select(t => (string?)t!["name"]));
        Assert.Equal(["Workers=2", "Workers=8"], Strings(figure["data"]![0]!["x"]));
        Assert.Equal("log", (string?)figure["layout"]!["yaxis"]!["type"]);
    }

    [Fact]
    public void Lines_sort_each_series_by_x()
    {
        var figure = Figure(ConcurrencyCharts.Lines(
            [("latency", new[] { (4.0, 3.9), (1.0, 1.0), (2.0, 2.0) })], "speed-up", "workers", "speed-up (x)"));

        AssertTitles(figure, "speed-up", "workers", "speed-up (x)");
        Assert.Equal([1.0, 2.0, 4.0], Numbers(figure["data"]![0]!["x"]));
    }

    [Fact]
    public void Bars_of_plain_values_use_the_label_format_and_can_use_a_log_scale()
    {
        var figure = Figure(ConcurrencyCharts.Bars([("Task.Run task", 72.4), ("waiting async task", 160)],
            "memory per task", "kind of task", "bytes per task", labelFormat: "{0:0} B", logY: true));

        AssertTitles(figure, "memory per task", "kind of task", "bytes per task");
        Assert.Equal(["72 B", "160 B"], Strings(figure["data"]![0]!["text"]));
        Assert.Equal("log", (string?)figure["layout"]!["yaxis"]!["type"]);
    }

    [Fact]
    public void Every_chart_takes_its_titles_in_one_order_and_names_the_log_flag_logY()
    {
        // The data, then title, xTitle, yTitle, then options: so a positional argument means the same in every overload.
        var methods = typeof(ConcurrencyCharts).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static);
        Assert.Equal(6, methods.Length);
        foreach (var method in methods)
        {
            var names = method.GetParameters().Skip(1).Select(p => p.Name!).ToArray();
            var titles = names.Where(n => n.EndsWith("itle", StringComparison.Ordinal)).ToArray();
            string[] expected = titles.Length == 1 ? ["title"] : ["title", "xTitle", "yTitle"];
            Assert.Equal(expected, titles);
            Assert.Equal(expected, names.SkipWhile(n => n is "jobs" or "jobDuration").Take(expected.Length));
            Assert.DoesNotContain(names, n => n.StartsWith("log", StringComparison.Ordinal) && n != "logY");
        }
    }

    [Fact]
    public void A_blank_title_or_axis_title_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ConcurrencyCharts.Bars([("a", 1.0)], "t", "x", " "));
        Assert.Throws<ArgumentException>(() => ConcurrencyCharts.Bars([("a", TimeSpan.FromMilliseconds(1))], "t", ""));
        Assert.Throws<ArgumentException>(() => ConcurrencyCharts.Lines([("a", new[] { (1.0, 1.0) })], "", "x", "y"));
        Assert.Throws<ArgumentException>(() => ConcurrencyCharts.GroupedBars([("g", "s", 1.0)], "t", " ", "y"));
    }

    [Fact]
    public void Charts_with_nothing_to_draw_say_so()
    {
        Assert.Throws<ArgumentException>(() => ConcurrencyCharts.Bars(Array.Empty<(string, TimeSpan)>(), "t"));
        Assert.Throws<ArgumentException>(() => ConcurrencyCharts.GroupedBars([], "t", "x", "y"));
        Assert.Throws<ArgumentException>(() => ConcurrencyCharts.Lines([], "t", "x", "y"));
        Assert.Throws<ArgumentException>(() => ConcurrencyCharts.MakespanByWorkers([], 20, TimeSpan.FromMilliseconds(50)));
    }
}
