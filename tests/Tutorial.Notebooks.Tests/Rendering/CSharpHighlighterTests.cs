using Tutorial.Notebooks.Rendering;

namespace Tutorial.Notebooks.Tests.Rendering;

public sealed class CSharpHighlighterTests
{
    [Theory]
    [InlineData("var x = 1;", "<span class=\"tok-keyword\">var</span> x = <span class=\"tok-number\">1</span>;")]
    [InlineData("// a <comment>", "<span class=\"tok-comment\">// a &lt;comment&gt;</span>")]
    [InlineData("int n = 0x1F;", "<span class=\"tok-type\">int</span> n = <span class=\"tok-number\">0x1F</span>;")]
    [InlineData("$\"{a} \\\"b\\\"\"", "<span class=\"tok-string\">$&quot;{a} \\&quot;b\\&quot;&quot;</span>")]
    [InlineData("@\"c:\\\"\"x\"", "<span class=\"tok-string\">@&quot;c:\\&quot;&quot;x&quot;</span>")]
    [InlineData("\"\"\"raw \"quoted\" \"\"\"", "<span class=\"tok-string\">&quot;&quot;&quot;raw &quot;quoted&quot; &quot;&quot;&quot;</span>")]
    [InlineData("'\\n'", "<span class=\"tok-string\">&#39;\\n&#39;</span>")]
    [InlineData("await Task.Delay(50);", "<span class=\"tok-keyword\">await</span> <span class=\"tok-name\">Task</span>.<span class=\"tok-name\">Delay</span>(<span class=\"tok-number\">50</span>);")]
    [InlineData("  #r \"nuget: X\"\nx", "  <span class=\"tok-directive\">#r &quot;nuget: X&quot;</span>\nx")]
    [InlineData("a /* b */ c", "a <span class=\"tok-comment\">/* b */</span> c")]
    public void Highlights_tokens_and_encodes_html(string code, string html) =>
        Assert.Equal(html, CSharpHighlighter.Highlight(code));

    [Fact]
    public void A_hash_inside_a_line_is_not_a_directive() =>
        Assert.Equal("x#y", CSharpHighlighter.Highlight("x#y"));

    [Fact]
    public void Unterminated_literals_do_not_throw() =>
        Assert.Equal("<span class=\"tok-string\">&quot;abc</span>", CSharpHighlighter.Highlight("\"abc"));
}
