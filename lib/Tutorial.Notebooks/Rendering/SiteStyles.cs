namespace Tutorial.Notebooks.Rendering;

/// <summary>The site's single stylesheet: system fonts, light and dark via <c>prefers-color-scheme</c>, no web fonts.</summary>
internal static class SiteStyles
{
    public const string SitePath = "assets/site.css";

    public const string Css = """
        :root {
          --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --code-bg: #f6f8fa; --out-bg: #fbfbfb;
          --accent: #0969da; --ok: #1a7f37; --bad: #cf222e; --err-bg: #ffebe9;
          --tok-keyword: #cf222e; --tok-type: #1b7c83; --tok-string: #0a3069; --tok-number: #0550ae;
          --tok-comment: #6e7781; --tok-directive: #953800; --tok-method: #6639ba;
          color-scheme: light dark;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --code-bg: #161b22; --out-bg: #10151c;
            --accent: #4493f8; --ok: #3fb950; --bad: #f85149; --err-bg: #3c1618;
            --tok-keyword: #ff7b72; --tok-type: #56d4dd; --tok-string: #a5d6ff; --tok-number: #79c0ff;
            --tok-comment: #8b949e; --tok-directive: #ffa657; --tok-method: #d2a8ff;
          }
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--fg);
               font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main, header.site { max-width: 980px; margin: 0 auto; padding: 0 1.25rem; }
        header.site { display: flex; gap: 1rem; align-items: baseline; justify-content: space-between;
                      border-bottom: 1px solid var(--border); padding-top: .8rem; padding-bottom: .6rem; }
        header.site a { color: var(--accent); text-decoration: none; }
        a { color: var(--accent); }
        h1, h2, h3 { line-height: 1.25; }
        code, pre { font: 13.5px/1.45 ui-monospace, SFMono-Regular, "Cascadia Code", Menlo, Consolas, monospace; }
        :not(pre) > code { background: var(--code-bg); padding: .1em .3em; border-radius: 4px; }
        .cell { margin: 1.2rem 0; }
        .cell .label { color: var(--muted); font-size: .8rem; margin-bottom: .2rem; }
        pre { margin: 0; padding: .75rem 1rem; overflow-x: auto; border-radius: 6px; }
        pre.code { background: var(--code-bg); border: 1px solid var(--border); }
        .outputs { border-left: 3px solid var(--border); margin: .3rem 0 0 .2rem; padding-left: .6rem; }
        pre.out { background: var(--out-bg); padding: .4rem .6rem; white-space: pre-wrap; }
        pre.stderr { color: var(--bad); }
        pre.error { color: var(--bad); background: var(--err-bg); }
        .html-output { overflow-x: auto; padding: .3rem 0; }
        .chart { background: #ffffff; border-radius: 6px; display: inline-block; max-width: 100%; overflow-x: auto; }
        .status-passed { color: var(--ok); font-weight: 600; }
        .status-failed { color: var(--bad); font-weight: 600; }
        .banner { border: 1px solid var(--bad); background: var(--err-bg); padding: .6rem .9rem; border-radius: 6px; }
        table.lessons { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        table.lessons th, table.lessons td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--border); vertical-align: top; }
        table.lessons td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
        ul.figures { margin: 0; padding-left: 1.1rem; }
        ul.figures li { font-variant-numeric: tabular-nums; }
        .muted { color: var(--muted); }
        .verdict-agrees { color: var(--ok); } .verdict-busy { color: #9a6700; } .verdict-outside { color: var(--bad); font-weight: 600; }
        .tok-keyword { color: var(--tok-keyword); } .tok-type { color: var(--tok-type); }
        .tok-string { color: var(--tok-string); } .tok-number { color: var(--tok-number); }
        .tok-comment { color: var(--tok-comment); font-style: italic; } .tok-directive { color: var(--tok-directive); }
        .tok-method { color: var(--tok-method); }
        .dni-plaintext pre { padding: 0; background: none; }
        """;
}
