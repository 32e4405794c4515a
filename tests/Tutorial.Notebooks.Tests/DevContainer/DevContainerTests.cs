using System.Text.Json;
using System.Text.Json.Nodes;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.DevContainer;

public sealed class DevContainerTests
{
    private static readonly string[] Extensions =
    [
        "ms-dotnettools.dotnet-interactive-vscode",
        "ms-dotnettools.csdevkit",
        "ms-dotnettools.csharp",
        "ms-toolsai.jupyter",
    ];

    // Both files are JSON with comments, as VS Code reads them.
    private static JsonObject Read(params string[] path) =>
        JsonNode.Parse(
            File.ReadAllText(Path.Combine([TestPaths.RepositoryRoot, .. path])),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();

    [Fact]
    public void Devcontainer_uses_a_dotnet_10_image()
    {
        var image = (string?)Read(".devcontainer", "devcontainer.json")["image"];

        Assert.StartsWith("mcr.microsoft.com/devcontainers/dotnet:", image, StringComparison.Ordinal);
        Assert.Contains(":10.0", image, StringComparison.Ordinal);
    }

    [Fact]
    public void Devcontainer_installs_the_notebook_and_csharp_extensions()
    {
        var extensions = Read(".devcontainer", "devcontainer.json")["customizations"]!["vscode"]!["extensions"]!.AsArray().Select(e => (string?)e);

        Assert.Equal(Extensions.Order(), extensions.Order());
    }

    [Fact]
    public void Devcontainer_restores_the_tools_and_builds_the_solution_after_creation()
    {
        var command = (string?)Read(".devcontainer", "devcontainer.json")["postCreateCommand"];

        Assert.Equal("dotnet tool restore && dotnet build Tutorial.sln", command);
    }

    [Fact]
    public void Vscode_recommends_the_same_extensions()
    {
        var recommended = Read(".vscode", "extensions.json")["recommendations"]!.AsArray().Select(e => (string?)e);

        Assert.Equal(Extensions.Order(), recommended.Order());
    }
}
