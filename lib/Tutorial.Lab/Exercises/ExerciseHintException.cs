namespace Tutorial.Lab;

/// <summary>
/// Thrown by <see cref="Exercise.Expect(bool, string)"/> (and by a <see cref="Trial"/>'s checks) when a learner's answer is
/// not right yet; its message names the problem. The check prints it as a hint instead of a stack trace.
/// </summary>
public sealed class ExerciseHintException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="hint">What went wrong, e.g. <c>job 7 was never processed</c>.</param>
    public ExerciseHintException(string hint)
        : this(hint, idea: null)
    {
    }

    // With a pointer to the idea, shown from the learner's second failed attempt on (Exercise.Expect with an idea).
    internal ExerciseHintException(string hint, string? idea)
        : base(hint)
    {
        Idea = idea;
    }

    // A pointer to the idea that fixes the problem, never the solution; null when there is none.
    internal string? Idea { get; }
}
