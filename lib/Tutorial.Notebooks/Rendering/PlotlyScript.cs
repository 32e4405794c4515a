using System.Reflection;

namespace Tutorial.Notebooks.Rendering;

/// <summary>The plotly.js bundle that ships inside Plotly.NET as an embedded resource; the site writes it once to
/// <c>assets/plotly.min.js</c> so that charts draw with no network.</summary>
public static class PlotlyScript
{
    /// <summary>The site-relative path pages load plotly.js from.</summary>
    public const string SitePath = "assets/plotly.min.js";

    /// <summary>The plotly.js version Plotly.NET 6.0.0 embeds (and references on its CDN).</summary>
    public static string Version => ResourceName()["Plotly.NET.plotly-".Length..^".min.js".Length];

    /// <summary>The minified plotly.js source.</summary>
    public static string Read() => ReadResource(ResourceName());

    /// <summary>plotly.js's licence text, written next to it in the site.</summary>
    public static string ReadLicense() => ReadResource(ResourceName() + ".LICENSE.txt");

    private static Assembly PlotlyAssembly => typeof(Plotly.NET.GenericChart).Assembly;

    // The resource name carries the version (Plotly.NET.plotly-2.28.0.min.js); find it rather than hard-code it.
    private static string ResourceName() =>
        PlotlyAssembly.GetManifestResourceNames().SingleOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
        ?? throw new InvalidOperationException("Plotly.NET no longer embeds plotly-*.min.js; the offline site needs another source of plotly.js");

    private static string ReadResource(string name)
    {
        using var stream = PlotlyAssembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Plotly.NET has no embedded resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
