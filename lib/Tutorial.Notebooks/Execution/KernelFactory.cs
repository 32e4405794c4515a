using System.Reflection;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Tutorial.Notebooks.Execution;

/// <summary>Builds the in-process kernel a notebook runs in: the same pieces the stock Polyglot kernel is made of,
/// limited to what the course needs (C#, kernel helpers, <c>#r "nuget:"</c> with kernel extensions).</summary>
public static class KernelFactory
{
    /// <summary>The name of the C# kernel, as notebooks' cell metadata name it.</summary>
    public const string CSharp = "csharp";

    /// <summary>Creates a fresh composite kernel whose default is C#. Dispose it after the notebook.</summary>
    public static CompositeKernel Create()
    {
        var csharp = new CSharpKernel()
            .UseKernelHelpers()
            .UseNugetDirective(OnPackagesAddedAsync, forceRestore: false);

        return new CompositeKernel { csharp }.With(k => k.DefaultKernelName = CSharp);
    }

    // A package restored by #r "nuget:" only becomes usable once its assemblies are compile references; packages
    // that ship kernel extensions (Plotly.NET.Interactive registers the chart formatter this way) keep them under
    // interactive-extensions/dotnet and expect the host to load them, as the stock kernel does.
    private static async Task OnPackagesAddedAsync(CSharpKernel kernel, IReadOnlyList<ResolvedPackageReference> packages)
    {
        kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));

        foreach (var package in packages)
        {
            var extensionFolder = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(extensionFolder))
            {
                continue;
            }

            foreach (var dll in Directory.EnumerateFiles(extensionFolder, "*.dll"))
            {
                foreach (var extension in ExtensionsIn(Assembly.LoadFrom(dll)))
                {
                    await extension.OnLoadAsync(kernel);
                }
            }
        }
    }

    private static IEnumerable<IKernelExtension> ExtensionsIn(Assembly assembly) =>
        assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IKernelExtension).IsAssignableFrom(t))
                .Select(t => (IKernelExtension)Activator.CreateInstance(t)!);

    private static T With<T>(this T value, Action<T> configure)
    {
        configure(value);
        return value;
    }
}
