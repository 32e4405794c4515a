namespace Tutorial.Notebooks.Lessons;

/// <summary>A lesson notebook named <c>NN-slug.ipynb</c>.</summary>
/// <param name="Number">The two-digit number, e.g. <c>03</c>.</param>
/// <param name="Slug">The name part, e.g. <c>worker-pool</c>.</param>
/// <param name="Path">Absolute path of the notebook.</param>
public sealed record Lesson(string Number, string Slug, string Path)
{
    /// <summary>The file name without extension, e.g. <c>03-worker-pool</c>.</summary>
    public string Id => $"{Number}-{Slug}";

    /// <summary>True when <paramref name="selector"/> names this lesson: its number (<c>3</c>, <c>03</c>), its slug
    /// (<c>worker-pool</c>), its id or file name.</summary>
    public bool Matches(string selector)
    {
        // Normalised: a name typed on one system and a file name stored on another may compose accents differently.
        var s = System.IO.Path.GetFileNameWithoutExtension(selector.Trim()).Normalize();
        return (int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                && int.TryParse(Number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mine) && n == mine)
            || string.Equals(s, Slug.Normalize(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(s, Id.Normalize(), StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc/>
    public override string ToString() => Id;
}
