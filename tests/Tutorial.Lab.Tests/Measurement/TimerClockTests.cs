using System.Diagnostics;
using Tutorial.Concurrency.Tests;
using Tutorial.Lab;

namespace Tutorial.Lab.Tests.Measurement;

public class TimerClockTests
{
    [Fact]
    public void The_step_is_a_whole_number_of_milliseconds_a_tick_count_could_move_by()
    {
        Assert.InRange(TimerClock.StepMilliseconds, 1, 100);
        Assert.Equal(TimeSpan.FromMilliseconds(TimerClock.StepMilliseconds + 1), TimerClock.MostEarly);
    }

    [Fact]
    public void The_tick_count_never_moves_by_less_than_the_step()
    {
        // A busy machine can only make the steps seen larger; a step below the reported one would make the lessons'
        // "at most one step early" bound too tight. One millisecond of slack for the count's rounding down.
        var smallest = TimerClock.SmallestStepSeen(TimeSpan.FromMilliseconds(100));

        Assert.True(smallest >= TimerClock.StepMilliseconds - 1, $"TickCount64 moved by {smallest} ms; the reported step is {TimerClock.StepMilliseconds} ms");
    }

    [Fact]
    public async Task No_Task_Delay_ends_earlier_than_the_bound()
    {
        // Many waits pending at once, started at random moments: the timer thread wakes often, so the early case happens.
        var random = new Random(7);
        var waits = Enumerable.Range(0, 300).Select(async i =>
        {
            await Task.Delay(random.Next(100));
            var start = Stopwatch.GetTimestamp();
            await Task.Delay(20);
            return Stopwatch.GetElapsedTime(start);
        }).ToList();

        var shortest = (await Task.WhenAll(waits).Within()).Min();

        Assert.True(shortest > TimeSpan.FromMilliseconds(20) - TimerClock.MostEarly,
            $"a Task.Delay(20) ended after {shortest.TotalMilliseconds:F2} ms, more than {TimerClock.MostEarly.TotalMilliseconds} ms early");
    }
}
