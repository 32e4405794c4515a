namespace Tutorial.Concurrency.Exercises;

/// <summary>
/// Thrown by <see cref="Exercise.Expect(bool, string)"/> (and by a <see cref="Trial"/>'s checks) when a learner's answer is
/// not right yet; its message names the problem, and <see cref="Idea"/> points at the idea that fixes it.
/// </summary>
public sealed class ExerciseHintException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="hint">What went wrong, e.g. <c>job 7 was never processed</c>.</param>
    public ExerciseHintException(string hint)
        : this(hint, idea: null)
    {
    }

    /// <summary>Creates the exception with a pointer to the idea, shown from the learner's second failed attempt on.</summary>
    /// <param name="hint">What went wrong.</param>
    /// <param name="idea">The idea to look at, never the solution itself; null when there is none.</param>
    public ExerciseHintException(string hint, string? idea)
        : base(hint)
    {
        Idea = idea;
    }

    /// <summary>A pointer to the idea that fixes the problem, or null.</summary>
    public string? Idea { get; }
}
