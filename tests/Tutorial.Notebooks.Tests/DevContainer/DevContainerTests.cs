using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.DevContainer;

/// <summary>The dev container is what a Codespace is built from: these tests keep it the way Codespaces expects
/// (pinned image, work done before the editor connects, enough cores, lesson 00 open) and keep its paths from rotting
/// when files move.</summary>
public sealed partial class DevContainerTests
{
    private static readonly string[] Extensions =
    [
        "ms-dotnettools.dotnet-interactive-vscode",
        "ms-dotnettools.csdevkit",
        "ms-dotnettools.csharp",
        "ms-toolsai.jupyter",
    ];

    private static JsonObject DevContainer => Read(".devcontainer", "devcontainer.json");

    // Both files are JSON with comments, as VS Code reads them.
    private static JsonObject Read(params string[] path) =>
        JsonNode.Parse(
            File.ReadAllText(Path.Combine([TestPaths.RepositoryRoot, .. path])),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();

    // The names the dev container spec defines for an image-based devcontainer.json (containers.dev JSON reference; in
    // devcontainers/spec's schemas/devContainer.base.schema.json: devContainerCommon, nonComposeBase, imageContainer).
    // Tools skip a name they do not know without a word, so a misspelt one would quietly do nothing.
    private static readonly HashSet<string> SpecProperties = new(StringComparer.Ordinal)
    {
        "$schema", "name", "image", "features", "overrideFeatureInstallOrder", "secrets", "forwardPorts", "portsAttributes",
        "otherPortsAttributes", "updateRemoteUserUID", "containerEnv", "containerUser", "mounts", "init", "privileged",
        "capAdd", "securityOpt", "remoteEnv", "remoteUser", "initializeCommand", "onCreateCommand", "updateContentCommand",
        "postCreateCommand", "postStartCommand", "postAttachCommand", "waitFor", "userEnvProbe", "hostRequirements",
        "customizations", "appPort", "runArgs", "shutdownAction", "overrideCommand", "workspaceFolder", "workspaceMount",
    };

    // The spec's values for waitFor, in the order the commands run.
    private static readonly string[] LifecycleCommands =
        ["initializeCommand", "onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand"];

    [Fact]
    public void Every_property_is_one_the_spec_and_codespaces_define()
    {
        var container = DevContainer;

        Assert.All(container.Select(p => p.Key), key => Assert.Contains(key, SpecProperties));
        Assert.All(container["hostRequirements"]!.AsObject().Select(p => p.Key), key => Assert.Contains(key, (string[])["cpus", "memory", "storage", "gpu"]));
        Assert.All(container["customizations"]!.AsObject().Select(p => p.Key), key => Assert.Contains(key, (string[])["vscode", "codespaces"]));
        // The Codespaces schema (microsoft/vscode, devContainer.codespaces.schema.json) has these two.
        Assert.All(container["customizations"]!["codespaces"]!.AsObject().Select(p => p.Key), key => Assert.Contains(key, (string[])["openFiles", "repositories"]));
        var waitFor = (string?)container["waitFor"];
        Assert.Contains(waitFor, LifecycleCommands);
        Assert.NotNull(container[waitFor!]); // waiting for a command that is not there waits for nothing
    }

    [Fact]
    public void Image_is_an_exact_dotnet_10_tag_not_a_floating_one()
    {
        var image = (string?)DevContainer["image"];

        // devcontainers/images tags: IMAGE_SEMVER-DOTNET-OS; 2.1.3-10.0-noble is one image, 2-10.0-noble and 10.0 move.
        Assert.Matches(PinnedImage(), image);
    }

    [Fact]
    public void Asks_for_four_cores()
    {
        var cpus = DevContainer["hostRequirements"]?["cpus"]?.GetValue<int>();

        Assert.True(cpus >= 4, $"hostRequirements.cpus is {cpus?.ToString() ?? "missing"}: the scaling curves and the starvation demos need more than 2 cores");
    }

    [Fact]
    public void Restores_and_builds_before_the_editor_connects_and_not_after()
    {
        var container = DevContainer;
        var update = (string?)container["updateContentCommand"];

        Assert.Contains("dotnet tool restore", update, StringComparison.Ordinal);
        Assert.Contains("dotnet build Tutorial.sln", update, StringComparison.Ordinal);
        Assert.Equal("updateContentCommand", (string?)container["waitFor"]);
        // postCreateCommand runs after the editor may already be in use and is not cached by prebuilds.
        Assert.DoesNotContain("build", (string?)container["postCreateCommand"] ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Sets_up_the_jupyter_fallback_with_the_script_ci_tests()
    {
        var onCreate = (string?)DevContainer["onCreateCommand"];
        var script = Path.Combine(TestPaths.RepositoryRoot, ".devcontainer", "setup-jupyter.sh");
        var jupyterRun = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "lib", "Tutorial.Notebooks", "scripts", "jupyter-run.sh"));
        var ci = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, ".ci", "run"));

        Assert.Equal("bash .devcontainer/setup-jupyter.sh", onCreate);
        Assert.True(File.Exists(script), script);
        Assert.Contains(".devcontainer/setup-jupyter.sh", jupyterRun, StringComparison.Ordinal);
        Assert.Contains("lib/Tutorial.Notebooks/scripts/jupyter-run.sh", ci, StringComparison.Ordinal);
    }

    [Fact]
    public void Opens_a_lesson_that_exists()
    {
        var files = DevContainer["customizations"]?["codespaces"]?["openFiles"]?.AsArray().Select(f => (string?)f).ToList() ?? [];

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, file!)), $"openFiles names {file}, which does not exist"));
        Assert.Matches(@"^notebooks/00-[a-z0-9-]+\.ipynb$", files[0]);
    }

    [Fact]
    public void Installs_the_notebook_and_csharp_extensions()
    {
        var extensions = DevContainer["customizations"]!["vscode"]!["extensions"]!.AsArray().Select(e => (string?)e);

        Assert.Equal(Extensions.Order(), extensions.Order());
    }

    [Fact]
    public void Vscode_recommends_the_same_extensions()
    {
        var recommended = Read(".vscode", "extensions.json")["recommendations"]!.AsArray().Select(e => (string?)e);

        Assert.Equal(Extensions.Order(), recommended.Order());
    }

    [GeneratedRegex(@"^mcr\.microsoft\.com/devcontainers/dotnet:[0-9]+\.[0-9]+\.[0-9]+-10\.0-noble$")]
    private static partial Regex PinnedImage();
}
