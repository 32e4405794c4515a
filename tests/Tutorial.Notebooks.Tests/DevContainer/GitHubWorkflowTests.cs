using System.Text.RegularExpressions;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.DevContainer;

/// <summary>What the GitHub workflows must do, kept in step with the README. That they are valid workflows is checked
/// by .ci/run with actionlint and action-validator, since they cannot run here.</summary>
public sealed partial class GitHubWorkflowTests
{
    private static string Workflow(string name) => File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, ".github", "workflows", name));

    // The fenced block under "## Start here: two commands": its `dotnet ...` lines, without their trailing comments.
    private static List<string> ReadmeCommands()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("## Start here", StringComparison.Ordinal)..];
        var block = FencedBlock().Match(section).Groups["code"].Value;
        return block.Split('\n').Select(l => l.Split('#')[0].Trim()).Where(l => l.StartsWith("dotnet ", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public void Ci_runs_the_readmes_two_commands()
    {
        var commands = ReadmeCommands();
        var ci = Workflow("ci.yml");

        Assert.Equal(2, commands.Count);
        Assert.All(commands, command => Assert.Matches($@"\n\s+run: {Regex.Escape(command)}( |\n)", ci));
        Assert.Contains("dotnet-version: \"10.0.x\"", ci, StringComparison.Ordinal);
        Assert.Matches(@"runs-on: ubuntu-", ci);
    }

    [Fact]
    public void Pages_publishes_the_rendered_site_with_the_permissions_a_deployment_needs()
    {
        var pages = Workflow("pages.yml");

        Assert.Contains("run: dotnet run --project lib/Tutorial.Notebooks", pages, StringComparison.Ordinal);
        Assert.Matches(@"uses: actions/upload-pages-artifact@[0-9a-f]{40} # v[0-9.]+\s+with:\s+path: artifacts/site\n", pages);
        Assert.Matches(@"uses: actions/deploy-pages@[0-9a-f]{40} # v[0-9.]+\n", pages);
        Assert.Matches(@"permissions:\s+pages: write\s+id-token: write", pages);
        Assert.Contains("name: github-pages", pages, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ci.yml")]
    [InlineData("pages.yml")]
    public void Every_action_is_pinned_to_a_release_commit_that_the_comment_names(string name)
    {
        var uses = Uses().Matches(Workflow(name)).Select(m => m.Groups["ref"].Value).ToList();

        Assert.NotEmpty(uses);
        // A tag (v4) can be moved to other code; a commit cannot. The comment is what Dependabot and a reader go by.
        Assert.All(uses, reference => Assert.Matches(@"^actions/[a-z-]+@[0-9a-f]{40} # v[0-9]+\.[0-9]+\.[0-9]+$", reference));
    }

    [GeneratedRegex(@"uses: (?<ref>[^\n]+)")]
    private static partial Regex Uses();

    [GeneratedRegex(@"```sh\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
