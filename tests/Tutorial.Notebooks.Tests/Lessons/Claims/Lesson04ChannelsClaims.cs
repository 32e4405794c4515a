using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 04's claims that its key figures' models do not already check, asserted on what the lesson printed.
/// One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson04ChannelsClaims
{
    [Fact]
    public async Task Lesson_04_unbuffered_sender_waits_for_the_receiver_and_a_big_buffer_does_not()
    {
        var run = await CourseRuns.EngineAsync("04");
        var unbuffered = NotebookAssert.KeyFigureNumber(run, "sender finished, unbuffered");
        var buffered = NotebookAssert.KeyFigureNumber(run, "sender finished, capacity 5");
        Assert.True(unbuffered >= 150, $"the unbuffered sender finished after {unbuffered} ms; it should wait for ~4 receives of 50 ms");
        Assert.True(buffered < 40, $"the sender with room for every value finished after {buffered} ms; it should not wait");
    }
}
