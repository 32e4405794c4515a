using System.Collections.Concurrent;

namespace Tutorial.Lab;

/// <summary>
/// Check cells for the lessons' exercises: run the learner's code, then answer with one clear line, a pass or a hint,
/// never an exception trace. The lines start with <c>✅ PASS:</c> or <c>❌ NOT YET:</c>, which the course's tests read.
/// Hints are graded: the first failed attempt at an exercise names the problem; from the second on, the hint also points
/// at the idea that fixes it. No hint prints a solution.
/// </summary>
public static class Exercise
{
    /// <summary>How long a one-run check waits for the learner's code before it calls it stuck.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    // How long each run of a many-run check waits before it calls the learner's code stuck: a correct run takes well
    // under 0.2 s even beside two CPU-bound processes on 2 cores.
    internal static readonly TimeSpan DefaultRunTimeout = TimeSpan.FromSeconds(3);

    // How many runs a many-run check makes by default: enough to meet each worker count a few times.
    internal const int DefaultRuns = 20;

    private const string StuckAdvice =
        "Is something waiting forever: a channel nobody closes, a missing Done(), a send nobody receives?";

    // Failed attempts per exercise in this process (a notebook kernel): the second failure adds the idea.
    private static readonly ConcurrentDictionary<string, int> FailedAttempts = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="check"/> once and prints <c>✅ PASS: name</c>, or <c>❌ NOT YET: name - hint</c>.</summary>
    /// <param name="name">The exercise's name, as the lesson calls it.</param>
    /// <param name="check">Runs the learner's code and calls <see cref="Expect(bool, string)"/> on what it did.</param>
    /// <param name="timeout">How long to wait before calling the code stuck (default <see cref="DefaultTimeout"/>).</param>
    /// <returns>True when the exercise passed.</returns>
    public static async Task<bool> CheckAsync(string name, Func<Task> check, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(check);
        var limit = timeout ?? DefaultTimeout;
        var failure = await RunAsync(check, limit, onTimeout: () =>
            new ExerciseHintException($"your code did not finish within {limit.TotalSeconds:0.#} s. {StuckAdvice}", Ideas.Stuck));
        return Report(name, failure, idea: null, passNote: null);
    }

    /// <summary>
    /// Runs <paramref name="check"/> <paramref name="runs"/> times, each with a new <see cref="Trial"/> whose work and
    /// channels pause at random, so the learner's code meets many schedules; passes only when every run passes.
    /// Prints <c>✅ PASS: name (20 runs with perturbed schedules)</c>, or <c>❌ NOT YET: name - run 4 of 20 (workers = 3): hint</c>
    /// for the first run that failed.
    /// </summary>
    /// <param name="name">The exercise's name, as the lesson calls it.</param>
    /// <param name="check">One run: hands the learner's code the trial's jobs and channels, then checks what it did.</param>
    /// <param name="runs">How many runs (default 20).</param>
    /// <param name="idea">The exercise's idea in a sentence, shown from the second failed attempt on when the failure has
    /// no more specific pointer. Never the solution.</param>
    /// <param name="timeout">How long each run may take (default 3 s).</param>
    /// <returns>True when every run passed.</returns>
    public static async Task<bool> CheckAsync(string name, Func<Trial, Task> check, int runs = DefaultRuns, string? idea = null, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var (passed, line) = await EvaluateAsync(name, check, runs, idea, timeout ?? DefaultRunTimeout);
        Console.WriteLine(line);
        return passed;
    }

    /// <summary>Runs a synchronous <paramref name="check"/> (see <see cref="CheckAsync(string, Func{Task}, TimeSpan?)"/>).</summary>
    /// <param name="name">The exercise's name.</param>
    /// <param name="check">Runs the learner's code and calls <see cref="Expect(bool, string)"/>.</param>
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
    /// <param name="hint">What went wrong, phrased so the learner knows where to look.</param>
    /// <exception cref="ExerciseHintException"><paramref name="condition"/> is false.</exception>
    public static void Expect(bool condition, string hint)
    {
        if (!condition)
            throw new ExerciseHintException(hint);
    }

    /// <summary>Like <see cref="Expect(bool, string)"/>, with a pointer to the idea that the hint adds from the second failed attempt on.</summary>
    /// <param name="condition">What must be true.</param>
    /// <param name="problem">What went wrong.</param>
    /// <param name="idea">The idea to look at; never the solution.</param>
    /// <exception cref="ExerciseHintException"><paramref name="condition"/> is false.</exception>
    public static void Expect(bool condition, string problem, string idea)
    {
        if (!condition)
            throw new ExerciseHintException(problem, idea);
    }

    // The many-run check without printing (tests read the line).
    internal static async Task<(bool Passed, string Line)> EvaluateAsync(string name, Func<Trial, Task> check, int runs, string? idea, TimeSpan limit)
    {
        var history = new TrialHistory();
        ExerciseHintException? failure = null;
        for (var run = 1; run <= runs && failure is null; run++)
        {
            var trial = new Trial(run, runs, history);
            try
            {
                failure = await RunAsync(async () =>
                {
                    await check(trial);
                    await trial.FinishAsync();
                }, limit, onTimeout: () => Stuck(trial, limit));
            }
            finally
            {
                trial.Stop();
            }
            if (failure is not null && runs > 1)
                failure = new ExerciseHintException(
                    $"run {run} of {runs}{(trial.Picks.Length > 0 ? $" ({trial.Picks})" : "")}: {failure.Message}", failure.Idea);
        }
        if (failure is null && history.Verdict() is { } overall)
            failure = new ExerciseHintException($"over {runs} runs, {overall.Message}", overall.Idea);
        var passed = failure is null;
        return (passed, Line(name, failure, idea, passed && runs > 1 ? $"{runs} runs with perturbed schedules" : null));
    }

    private static ExerciseHintException Stuck(Trial trial, TimeSpan limit)
    {
        var waiting = trial.DescribeStuck();
        return new ExerciseHintException(
            $"your code did not finish within {limit.TotalSeconds:0.#} s{(waiting.Length > 0 ? $" ({waiting})" : "")}. {StuckAdvice}",
            Ideas.Stuck);
    }

    // Runs the check on the thread pool (so code that blocks before its first await still meets the timeout) and turns
    // whatever went wrong into a hint.
    private static async Task<ExerciseHintException?> RunAsync(Func<Task> check, TimeSpan limit, Func<ExerciseHintException> onTimeout)
    {
        var work = Task.Run(check);
        try
        {
            await work.WaitAsync(limit);
            return null;
        }
        catch (TimeoutException) when (!work.IsCompleted)
        {
            return onTimeout();
        }
        catch (Exception e)
        {
            return HintFor(e);
        }
    }

    private static bool Report(string name, ExerciseHintException? failure, string? idea, string? passNote)
    {
        Console.WriteLine(Line(name, failure, idea, passNote));
        return failure is null;
    }

    private static string Line(string name, ExerciseHintException? failure, string? idea, string? passNote)
    {
        if (failure is null)
            return $"✅ PASS: {name}{(passNote is null ? "" : $" ({passNote})")}";
        var attempt = FailedAttempts.AddOrUpdate(name, 1, (_, n) => n + 1);
        var hint = OneLine(failure.Message);
        if (attempt >= 2 && (failure.Idea ?? idea) is { } pointer)
            hint += $" Idea: {pointer}";
        return $"❌ NOT YET: {name} - {hint}";
    }

    private static ExerciseHintException HintFor(Exception e) => e switch
    {
        ExerciseHintException hint => hint,
        NotImplementedException => new("the starter code still throws NotImplementedException: replace it with your answer."),
        AggregateException { InnerExceptions.Count: 1 } single => HintFor(single.InnerException!),
        _ => new($"your code threw {e.GetType().Name}: {e.Message}"),
    };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
