using Tutorial.Notebooks.Rendering;

namespace Tutorial.Notebooks.Tests.Rendering;

/// <summary>The site's highlighting comes from Roslyn's classifier: the real grammar, and names bound the way the kernel
/// binds them across cells.</summary>
public sealed class CSharpHighlighterTests
{
    [Theory]
    [InlineData("var x = 1;", "<span class=\"tok-keyword\">var</span> x = <span class=\"tok-number\">1</span>;")]
    [InlineData("// a <comment>", "<span class=\"tok-comment\">// a &lt;comment&gt;</span>")]
    [InlineData("await Task.Delay(50);", "<span class=\"tok-keyword\">await</span> <span class=\"tok-type\">Task</span>.<span class=\"tok-method\">Delay</span>(<span class=\"tok-number\">50</span>);")]
    [InlineData("#r \"nuget: X, 1.0\"", "<span class=\"tok-directive\">#r</span> <span class=\"tok-string\">&quot;nuget: X, 1.0&quot;</span>")]
    [InlineData("var s = \"\"\"raw \"quoted\" \"\"\";", "<span class=\"tok-keyword\">var</span> s = <span class=\"tok-string\">&quot;&quot;&quot;raw &quot;quoted&quot; &quot;&quot;&quot;</span>;")]
    public void Highlights_tokens_and_encodes_html(string code, string html) =>
        Assert.Equal(html, CSharpHighlighter.Highlight(code));

    [Fact]
    public void A_contextual_keyword_used_as_a_name_is_not_a_keyword() =>
        Assert.Equal("<span class=\"tok-keyword\">var</span> record = <span class=\"tok-number\">1</span>;", CSharpHighlighter.Highlight("var record = 1;"));

    [Fact]
    public void A_type_declared_in_an_earlier_cell_is_a_type_in_a_later_one()
    {
        var html = CSharpHighlighter.HighlightCells(["record Job(int Id);", "var job = new Job(1);"]);

        Assert.Contains("<span class=\"tok-keyword\">new</span> <span class=\"tok-type\">Job</span>(", html[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_literals_do_not_throw() =>
        Assert.Equal("<span class=\"tok-string\">&quot;abc</span>", CSharpHighlighter.Highlight("\"abc"));
}
