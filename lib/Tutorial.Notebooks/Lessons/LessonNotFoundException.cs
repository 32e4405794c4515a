namespace Tutorial.Notebooks.Lessons;

/// <summary>A lesson selector that matches no notebook; the message lists the lessons there are.</summary>
public sealed class LessonNotFoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="selector"/>.</summary>
    public LessonNotFoundException(string selector, IReadOnlyList<Lesson> available)
        : base(Describe(selector, available))
    {
        Selector = selector;
        Available = available;
    }

    /// <summary>What the user asked for.</summary>
    public string Selector { get; }

    /// <summary>The lessons that exist.</summary>
    public IReadOnlyList<Lesson> Available { get; }

    private static string Describe(string selector, IReadOnlyList<Lesson> available) =>
        available.Count == 0
            ? $"no lesson matches '{selector}': there are no lessons (notebooks/NN-name.ipynb) yet"
            : $"no lesson matches '{selector}'; the lessons are:{Environment.NewLine}"
              + string.Join(Environment.NewLine, available.Select(l => $"  {l.Number}  {l.Slug}"));
}
