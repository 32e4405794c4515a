
using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Exercises;

public class ExerciseGradingTests
{
    private static Task<(bool Passed, string Line)> Evaluate(string name, Func<Trial, Task> check, int runs = 3, string? idea = null) =>
        Exercise.EvaluateAsync(name, check, runs, idea, TimeSpan.FromSeconds(3)).WaitAsync(TimeSpan.FromSeconds(30));

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}";

    [Fact]
    public async Task The_first_failure_names_the_problem_and_a_later_one_adds_the_idea()
    {
        var name = Unique("graded");
        Task Lossy(Trial trial)
        {
            var jobs = trial.Jobs(3, id => id);
            jobs.ExpectEachExactlyOnce([1, 2]);
            return Task.CompletedTask;
        }

        var (_, first) = await Evaluate(name, Lossy);
        var (_, second) = await Evaluate(name, Lossy);
        var (_, third) = await Evaluate(name, Lossy);

        Assert.Equal($"❌ NOT YET: {name} - run 1 of 3: job 3 was never processed: no worker took it.", first);
        Assert.Equal($"❌ NOT YET: {name} - run 1 of 3: job 3 was never processed: no worker took it. Idea: count what goes in and what comes out: " +
                     "every job must reach a worker, and every result must come back before you return.", second);
        Assert.Equal(second, third);
    }

    [Fact]
    public async Task The_exercise_idea_is_the_pointer_when_the_failure_has_none_and_a_specific_one_wins()
    {
        var name = Unique("idea");
        Task Plain(Trial trial)
        {
            Exercise.Expect(false, "the names arrived out of order.");
            return Task.CompletedTask;
        }

        Task Specific(Trial trial)
        {
            Exercise.Expect(false, "the names arrived out of order.", "one reader keeps the order.");
            return Task.CompletedTask;
        }

        await Evaluate(name, Plain, idea: "send in order, read in order.");
        var (_, plain) = await Evaluate(name, Plain, idea: "send in order, read in order.");
        var (_, specific) = await Evaluate(name, Specific, idea: "send in order, read in order.");
        var (_, none) = await Evaluate(name, Plain);

        Assert.EndsWith("the names arrived out of order. Idea: send in order, read in order.", plain);
        Assert.EndsWith("the names arrived out of order. Idea: one reader keeps the order.", specific);
        Assert.EndsWith("the names arrived out of order.", none);
    }

    [Fact]
    public async Task A_pass_says_how_many_perturbed_runs_it_survived_and_one_run_says_nothing_more()
    {
        var name = Unique("pass");

        Assert.Equal((true, $"✅ PASS: {name} (3 runs with perturbed schedules)"), await Evaluate(name, _ => Task.CompletedTask));
        Assert.Equal((true, $"✅ PASS: {name}"), await Evaluate(name, _ => Task.CompletedTask, runs: 1));
    }

    [Fact]
    public async Task Every_run_is_checked_and_the_first_failing_run_is_named_with_its_picks()
    {
        var name = Unique("runs");
        var seen = new List<int>();

        var (passed, line) = await Evaluate(name, trial =>
        {
            seen.Add(trial.Run);
            var workers = trial.Pick("workers", 3, 1, 2);
            Exercise.Expect(trial.Run < 4, $"failed with {workers} workers.");
            return Task.CompletedTask;
        }, runs: 10);

        Assert.False(passed);
        Assert.Equal([1, 2, 3, 4], seen);
        Assert.Matches(@"- run 4 of 10 \(workers = (1|2|3)\): failed with (1|2|3) workers\.$", line);
    }

    [Fact]
    public async Task Pick_takes_the_first_choice_in_run_1_and_the_same_choices_when_a_run_is_repeated()
    {
        var first = new List<string>();
        var second = new List<string>();
        async Task Record(Trial trial, List<string> into)
        {
            trial.Pick("workers", 1, 2, 3, 4, 5, 6, 7, 8);
            trial.Pick("jobs", 10, 20, 30, 40, 50);
            lock (into)
                into.Add(trial.Picks);
            await Task.CompletedTask;
        }

        await Evaluate(Unique("pick"), t => Record(t, first), runs: 12);
        await Evaluate(Unique("pick"), t => Record(t, second), runs: 12);

        Assert.Equal("workers = 1, jobs = 10", first[0]);
        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 3, string.Join(" | ", first));
        Assert.Throws<ArgumentException>(() => new Trial(1, 1, new TrialHistory()).Pick("x"));
    }

    [Fact]
    public async Task Exceptions_from_the_learners_code_become_one_line_hints()
    {
        var (_, thrown) = await Evaluate(Unique("threw"), _ => throw new InvalidOperationException("bad\nthing"), runs: 1);
        var (_, starter) = await Evaluate(Unique("starter"), _ => throw new NotImplementedException(), runs: 1);
        var (_, wrapped) = await Evaluate(Unique("wrapped"), _ => Task.FromException(new AggregateException(new FormatException("x"))), runs: 1);

        Assert.EndsWith(" - your code threw InvalidOperationException: bad thing", thrown);
        Assert.EndsWith(" - the starter code still throws NotImplementedException: replace it with your answer.", starter);
        Assert.EndsWith(" - your code threw FormatException: x", wrapped);
    }

    [Fact]
    public async Task Code_that_blocks_its_thread_still_meets_the_timeout()
    {
        using var release = new ManualResetEventSlim();
        try
        {
            var (passed, line) = await Exercise.EvaluateAsync(Unique("blocks"), _ =>
            {
                release.Wait(TimeSpan.FromSeconds(10)); // blocks before any await
                return Task.CompletedTask;
            }, 1, null, TimeSpan.FromMilliseconds(300)).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.False(passed);
            Assert.Contains("your code did not finish within 0.3 s. Is something waiting forever", line);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task Bad_arguments_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Exercise.CheckAsync("x", _ => Task.CompletedTask, runs: 0));
        await Assert.ThrowsAsync<ArgumentException>(() => Exercise.CheckAsync(" ", _ => Task.CompletedTask));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Exercise.CheckAsync("x", (Func<Trial, Task>)null!));
    }
}

[Collection(TimingCollection.Name)] // it redirects Console.Out, so no other test may print meanwhile
public class ExerciseOutputTests
{
    [Fact]
    public async Task One_run_checks_print_the_lines_the_notebook_tests_look_for()
    {
        var name = $"one-run-{Guid.NewGuid():N}";
        var saved = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            Assert.True(await Exercise.CheckAsync(name, () => Task.CompletedTask));
            Assert.False(await Exercise.CheckAsync(name, () => throw new NotImplementedException()));
            Assert.False(Exercise.Check(name, () => Exercise.Expect(false, "expected 6 results, one per image; got 5.")));
            Assert.False(await Exercise.CheckAsync(name, () => Task.Delay(Timeout.Infinite), TimeSpan.FromMilliseconds(200)));
            Assert.True(await Exercise.CheckAsync(name, _ => Task.CompletedTask, runs: 2));
        }
        finally
        {
            Console.SetOut(saved);
        }

        Assert.Equal(
        [
            $"✅ PASS: {name}",
            $"❌ NOT YET: {name} - the starter code still throws NotImplementedException: replace it with your answer.",
            $"❌ NOT YET: {name} - expected 6 results, one per image; got 5.",
            $"❌ NOT YET: {name} - your code did not finish within 0.2 s. Is something waiting forever: a channel nobody closes, a missing Done(), " +
            "a send nobody receives? Idea: something waits forever: whoever writes a channel completes it when done (in a finally), and every wait needs someone who ends it.",
            $"✅ PASS: {name} (2 runs with perturbed schedules)",
        ], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
