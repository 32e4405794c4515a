namespace Tutorial.Concurrency.Exercises;

/// <summary>Thrown by <see cref="Exercise.Expect"/> when a learner's answer is not right yet; its message is the hint.</summary>
public sealed class ExerciseHintException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="hint">What to look at next.</param>
    public ExerciseHintException(string hint)
        : base(hint)
    {
    }
}
