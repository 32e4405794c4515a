using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 14's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson14PipelinesClaims
{
    [Fact]
    public async Task Lesson_14_a_failed_stage_reaches_the_consumer_two_stages_on_with_its_own_exception_and_message()
    {
        var output = (await CourseRuns.EngineAsync("14")).CellContaining("Thumbnail(Decode(5))").StandardOutput;

        Assert.Contains("after image1-thumb.png, image2-thumb.png: FormatException: image3.png is corrupt", output, StringComparison.Ordinal);
    }
}
