namespace Tutorial.Notebooks.Execution;

/// <summary>One output of a cell.</summary>
/// <param name="Kind">What produced it.</param>
/// <param name="Data">The formatted value by mime type (<c>text/plain</c>, <c>text/html</c>, ...). Streams and errors use <c>text/plain</c>.</param>
/// <param name="ErrorName">For <see cref="OutputKind.Error"/>: a short error name such as <c>CompilationError</c> or <c>System.InvalidOperationException</c>.</param>
public sealed record CellOutput(OutputKind Kind, IReadOnlyDictionary<string, string> Data, string? ErrorName = null)
{
    /// <summary>The mime type of plain text.</summary>
    public const string PlainText = "text/plain";

    /// <summary>The mime type of HTML, which charts use.</summary>
    public const string Html = "text/html";

    /// <summary>The <c>text/plain</c> value, or null when the output has none.</summary>
    public string? Text => Data.TryGetValue(PlainText, out var text) ? text : null;

    /// <summary>The <c>text/html</c> value, or null when the output has none.</summary>
    public string? HtmlText => Data.TryGetValue(Html, out var html) ? html : null;

    /// <summary>True when the output is a Plotly.NET chart.</summary>
    public bool IsChart => HtmlText is { } html && Rendering.ChartHtml.IsChart(html);

    /// <summary>A plain-text output of the given kind.</summary>
    public static CellOutput FromText(OutputKind kind, string text, string? errorName = null) =>
        new(kind, new Dictionary<string, string> { [PlainText] = text }, errorName);
}
