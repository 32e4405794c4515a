namespace Tutorial.Concurrency.Tests;

/// <summary>
/// Guards every await that could deadlock: a broken primitive must fail its test, never hang the suite.
/// The timeout is a safety net only; no test synchronises on it.
/// </summary>
internal static class Safety
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static Task Within(this Task task) => task.WaitAsync(Timeout);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Timeout);

    public static Task Within(this ValueTask task) => task.AsTask().WaitAsync(Timeout);

    public static Task<T> Within<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(Timeout);

    /// <summary>
    /// Asserts that <paramref name="task"/> is still pending after giving a wrong implementation a fair chance to finish it.
    /// A correct implementation never completes it, so the pause cannot make a passing test flaky; it only makes a
    /// broken one more likely to show.
    /// </summary>
    public static async Task AssertStaysPending(Task task, int milliseconds = 50)
    {
        Assert.False(task.IsCompleted, "The task completed at once, but it should be waiting.");
        var first = await Task.WhenAny(task, Task.Delay(milliseconds));
        Assert.False(first == task, $"The task completed ({task.Status}), but it should still be waiting.");
    }

    /// <summary>A gate that tests open explicitly; continuations run asynchronously so opening it never runs test code inline.</summary>
    public static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TaskCompletionSource<T> NewGate<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raises <paramref name="max"/> to <paramref name="value"/> if it is higher, without locks.</summary>
    public static void RaiseMax(ref int max, int value)
    {
        var seen = Volatile.Read(ref max);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref max, value, seen);
            if (previous == seen)
                return;
            seen = previous;
        }
    }
}
