using System.Text.RegularExpressions;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 07's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed partial class Lesson07FanOutFanInClaims
{
    [Fact]
    public async Task Lesson_07_order_demo_shows_a_different_order_on_every_run_and_never_the_launch_order()
    {
        var run = await CourseRuns.EngineAsync("07");
        var orders = ArrivalOrder().Matches(run.CellContaining("arrivedBySize").StandardOutput).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(3, orders.Count);
        Assert.Equal(3, orders.Distinct().Count());
        Assert.DoesNotContain("1 2 3 4 5", orders);
    }

    [Fact]
    public async Task Lesson_07_retries_resize_image_2_on_its_second_attempt_and_dead_letter_image_4_after_three()
    {
        var output = (await CourseRuns.EngineAsync("07")).CellContaining("FlakyResizeAsync").StandardOutput;

        Assert.Contains("round 1: sent [1, 2, 3, 4, 5], to retry: [2, 4]", output, StringComparison.Ordinal);
        Assert.Contains("round 2: sent [2, 4], to retry: [4]", output, StringComparison.Ordinal);
        Assert.Contains("round 3: sent [4], to retry: []", output, StringComparison.Ordinal);
        Assert.Contains("job 2: ok (image2.png on attempt 2)", output, StringComparison.Ordinal);
        Assert.Contains("DLQ: job 4: dead after 3 attempts: corrupt PNG header", output, StringComparison.Ordinal);
        Assert.DoesNotContain("job 4: ok", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lesson_07_merge_delivers_every_upload_once_in_each_devices_order()
    {
        var output = (await CourseRuns.EngineAsync("07")).CellContaining("MergeUploadsAsync").StandardOutput;
        var uploads = Upload().Matches(output).Select(m => (Device: m.Groups[1].Value, Number: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.Equal(9, uploads.Count);
        foreach (var (device, count) in new[] { ("phone", 4), ("camera", 3), ("scanner", 2) })
            Assert.Equal(Enumerable.Range(1, count), uploads.Where(u => u.Device == device).Select(u => u.Number));
    }

    [Fact]
    public async Task Lesson_07_FanIn_Merge_delivers_the_uploads_in_the_order_they_were_sent()
    {
        var output = (await CourseRuns.EngineAsync("07")).CellContaining("MergeWithFanInAsync").StandardOutput;
        var uploads = Upload().Matches(output).Select(m => $"{m.Groups[1].Value} #{m.Groups[2].Value}").ToList();

        Assert.Equal(["phone #1", "phone #2", "camera #1"], uploads);
    }

    [GeneratedRegex(@"arrival order ((?:\d ?){5})")]
    private static partial Regex ArrivalOrder();

    [GeneratedRegex(@"ms  (phone|camera|scanner) #(\d)")]
    private static partial Regex Upload();
}
