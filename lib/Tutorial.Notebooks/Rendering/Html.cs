namespace Tutorial.Notebooks.Rendering;

/// <summary>HTML text encoding for the site.</summary>
internal static class Html
{
    /// <summary>Escapes only the characters HTML gives meaning to: pages are UTF-8, so emoji and accents stay as they are.</summary>
    public static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
