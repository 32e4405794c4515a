namespace Tutorial.Concurrency.Exercises;

/// <summary>
/// Check cells for the lessons' exercises: run the learner's code, then answer with one clear line, a pass or a hint,
/// never an exception trace. The lines start with <c>PASS:</c> or <c>NOT YET:</c>, which the course's tests read.
/// </summary>
public static class Exercise
{
    /// <summary>How long a check waits for the learner's code before it calls it stuck.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="check"/> and prints <c>✅ PASS: name</c>, or <c>❌ NOT YET: name - hint</c>.</summary>
    /// <param name="name">The exercise's name, as the lesson calls it.</param>
    /// <param name="check">Runs the learner's code and calls <see cref="Expect"/> on what it did.</param>
    /// <param name="timeout">How long to wait before calling the code stuck (default <see cref="DefaultTimeout"/>).</param>
    /// <returns>True when the exercise passed.</returns>
    public static async Task<bool> CheckAsync(string name, Func<Task> check, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(check);
        var limit = timeout ?? DefaultTimeout;
        string? hint;
        try
        {
            // Task.Run so that learner code which blocks before its first await still meets the timeout.
            await Task.Run(check).WaitAsync(limit);
            hint = null;
        }
        catch (TimeoutException)
        {
            hint = $"your code did not finish within {limit.TotalSeconds:0.#} s. Is something waiting forever: a channel nobody closes, a missing Done(), a send nobody receives?";
        }
        catch (Exception e)
        {
            hint = HintFor(e);
        }
        Console.WriteLine(hint is null ? $"✅ PASS: {name}" : $"❌ NOT YET: {name} - {hint}");
        return hint is null;
    }

    /// <summary>Runs a synchronous <paramref name="check"/> (see <see cref="CheckAsync"/>).</summary>
    /// <param name="name">The exercise's name.</param>
    /// <param name="check">Runs the learner's code and calls <see cref="Expect"/>.</param>
    /// <returns>True when the exercise passed.</returns>
    public static bool Check(string name, Action check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return CheckAsync(name, () =>
        {
            check();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    /// <summary>States what the learner's code must have done; when it did not, the check prints <paramref name="hint"/>.</summary>
    /// <param name="condition">What must be true.</param>
    /// <param name="hint">What to look at when it is not, phrased as advice.</param>
    /// <exception cref="ExerciseHintException"><paramref name="condition"/> is false.</exception>
    public static void Expect(bool condition, string hint)
    {
        if (!condition)
            throw new ExerciseHintException(hint);
    }

    private static string HintFor(Exception e) => e switch
    {
        ExerciseHintException hint => hint.Message,
        NotImplementedException => "the starter code still throws NotImplementedException: replace it with your answer.",
        AggregateException { InnerExceptions.Count: 1 } single => HintFor(single.InnerException!),
        _ => $"your code threw {e.GetType().Name}: {e.Message}",
    };
}
