namespace Tutorial.Notebooks.Export;

/// <summary>Turns a notebook's <c>#r</c> directive into the <c>#:</c> directive a .NET 10 file-based app uses:
/// <c>#r "nuget: Name, Version"</c> becomes <c>#:package Name@Version</c>, and <c>#r "path/bin/Debug/net10.0/X.dll"</c> (a
/// project's build output) becomes <c>#:project</c> of that project, with a path relative to the generated file.</summary>
internal static class AppDirective
{
    /// <summary>The comment-or-directive line for one <c>#r</c> value of a cell.</summary>
    /// <param name="lesson">The notebook file (for messages).</param>
    /// <param name="cell">The cell number (for messages).</param>
    /// <param name="reference">The directive's value, e.g. <c>nuget: Plotly.NET, 6.0.0</c>.</param>
    /// <param name="notebookFolder">The folder relative DLL paths are resolved against (the kernel's working directory).</param>
    /// <param name="appFolder">The folder the app is written to; <c>#:project</c> paths are relative to it.</param>
    /// <exception cref="LessonExportException">The reference cannot be expressed in a file-based app.</exception>
    public static string Translate(string lesson, int cell, string reference, string notebookFolder, string appFolder)
    {
        const string NugetPrefix = "nuget:";
        if (reference.StartsWith(NugetPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var parts = reference[NugetPrefix.Length..].Split(',', StringSplitOptions.TrimEntries);
            var name = parts[0];
            if (parts.Length != 2 || name.Length == 0 || parts[1].Length == 0)
            {
                throw new LessonExportException(lesson, cell,
                    $"#r \"{reference}\" does not pin a version; write #r \"nuget: {(name.Length > 0 ? name : "Name")}, <version>\" so the notebook and its app restore the same package.");
            }

            // Packages such as Plotly.NET.Interactive only teach the notebook kernel how to display things; the app
            // displays charts itself (AppRuntime) and would pull in the whole kernel for nothing.
            return IsKernelExtension(name)
                ? $"// #r \"nuget: {name}, {parts[1]}\" is left out: it extends the notebook kernel, which an app does not have."
                : $"#:package {name}@{parts[1]}";
        }

        var dll = Path.GetFullPath(Path.Combine(notebookFolder, reference));
        var project = ProjectBuilding(dll)
            ?? throw new LessonExportException(lesson, cell,
                $"#r \"{reference}\" is not the build output (PROJECT/bin/CONFIG/TFM/NAME.dll) of a project next to it; a file-based app can only reference projects (#:project) and packages (#:package).");
        return $"#:project {Relative(appFolder, project)}";
    }

    /// <summary>True for a package that only extends the .NET Interactive kernel (by the convention its packages
    /// follow: <c>Microsoft.DotNet.Interactive*</c>, or a name ending in <c>.Interactive</c>).</summary>
    public static bool IsKernelExtension(string package) =>
        package.StartsWith("Microsoft.DotNet.Interactive", StringComparison.OrdinalIgnoreCase)
        || package.EndsWith(".Interactive", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="path"/> relative to <paramref name="fromFolder"/>, with '/' separators (the directives and
    /// the generated code read the same on every OS).</summary>
    public static string Relative(string fromFolder, string path) =>
        Path.GetRelativePath(fromFolder, path).Replace('\\', '/');

    // PROJECT/bin/CONFIG/TFM/NAME.dll -> PROJECT/NAME.csproj, or the only .csproj in PROJECT.
    private static string? ProjectBuilding(string dll)
    {
        var tfm = Path.GetDirectoryName(dll);
        var configuration = tfm is null ? null : Path.GetDirectoryName(tfm);
        var bin = configuration is null ? null : Path.GetDirectoryName(configuration);
        if (bin is null || !string.Equals(Path.GetFileName(bin), "bin", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var projectFolder = Path.GetDirectoryName(bin);
        if (projectFolder is null || !Directory.Exists(projectFolder))
        {
            return null;
        }

        var named = Path.Combine(projectFolder, Path.GetFileNameWithoutExtension(dll) + ".csproj");
        if (File.Exists(named))
        {
            return named;
        }

        var projects = Directory.GetFiles(projectFolder, "*.csproj");
        return projects.Length == 1 ? projects[0] : null;
    }
}
