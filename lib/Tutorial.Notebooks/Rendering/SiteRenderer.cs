using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Execution;
using Tutorial.Notebooks.Lessons;

namespace Tutorial.Notebooks.Rendering;

/// <summary>Renders executed notebooks as a static site that reads well offline: <c>index.html</c> with the lesson
/// list and key figures, one page per lesson, one local copy of plotly.js, one stylesheet.</summary>
public static partial class SiteRenderer
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Writes the site for <paramref name="runs"/> into <paramref name="siteFolder"/> and returns the index path.</summary>
    /// <param name="runs">The lessons that ran, in course order.</param>
    /// <param name="siteFolder">Where to write; created when missing.</param>
    /// <param name="title">The site's title.</param>
    /// <param name="invalid">Lessons that could not run (invalid notebooks), listed on the index with the reason.</param>
    public static string Render(IReadOnlyList<NotebookRun> runs, string siteFolder, string title = "Go-style concurrency in C#", IReadOnlyList<InvalidLesson>? invalid = null)
    {
        Directory.CreateDirectory(Path.Combine(siteFolder, "assets"));
        File.WriteAllText(Path.Combine(siteFolder, PlotlyScript.SitePath), PlotlyScript.Read());
        File.WriteAllText(Path.Combine(siteFolder, "assets", "plotly.LICENSE.txt"), PlotlyScript.ReadLicense());
        File.WriteAllText(Path.Combine(siteFolder, SiteStyles.SitePath), SiteStyles.Css);

        for (var i = 0; i < runs.Count; i++)
        {
            var previous = i > 0 ? runs[i - 1] : null;
            var next = i + 1 < runs.Count ? runs[i + 1] : null;
            File.WriteAllText(Path.Combine(siteFolder, PageName(runs[i])), LessonPage(runs[i], previous, next, title));
        }

        var index = Path.Combine(siteFolder, "index.html");
        File.WriteAllText(index, IndexPage(runs, title, invalid ?? []));
        return index;
    }

    /// <summary>The file name of a lesson's page, e.g. <c>01-hello-tasks.html</c>.</summary>
    public static string PageName(NotebookRun run) => run.Notebook.Name + ".html";

    /// <summary>The address of a lesson's page as an <c>href</c>: the file name, percent-encoded (names may hold spaces
    /// and letters outside ASCII).</summary>
    public static string PageHref(NotebookRun run) => Uri.EscapeDataString(PageName(run));

    /// <summary>The HTML of the index page.</summary>
    public static string IndexPage(IReadOnlyList<NotebookRun> runs, string title, IReadOnlyList<InvalidLesson>? invalid = null)
    {
        invalid ??= [];
        var body = new StringBuilder();
        body.Append("<h1>").Append(Encode(title)).Append("</h1>\n");
        if (runs.Count + invalid.Count == 0)
        {
            body.Append("<p class=\"muted\">No lessons were run.</p>\n");
        }
        else
        {
            body.Append("<table class=\"lessons\"><thead><tr><th>Lesson</th><th>Result</th><th>Time</th><th>Key figures: value, model, verdict</th></tr></thead><tbody>\n");
            foreach (var run in runs)
            {
                body.Append("<tr><td><a href=\"").Append(Encode(PageHref(run))).Append("\">").Append(Encode(run.Notebook.Title)).Append("</a>")
                    .Append("<br><span class=\"muted\">").Append(Encode(run.Notebook.Name)).Append("</span></td>")
                    .Append("<td>").Append(Status(run)).Append("</td>")
                    .Append("<td class=\"num\">").Append(Seconds(run.Duration)).Append("</td><td>");
                if (run.KeyFigures.Count > 0)
                {
                    body.Append("<ul class=\"figures\">");
                    foreach (var figure in run.KeyFigures)
                    {
                        AppendFigure(body, figure);
                    }

                    body.Append("</ul>");
                }

                body.Append("</td></tr>\n");
            }

            foreach (var lesson in invalid)
            {
                body.Append("<tr><td>").Append(Encode(lesson.Name)).Append("</td><td><span class=\"status-failed\">not run</span></td><td></td><td>")
                    .Append(Encode(lesson.Problem)).Append("</td></tr>\n");
            }

            body.Append("</tbody></table>\n");
        }

        body.Append("<p class=\"muted\">Generated ").Append(DateTime.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
            .Append(" by <code>dotnet run --project lib/Tutorial.Notebooks</code>. Charts use a local copy of plotly.js ")
            .Append(Encode(PlotlyScript.Version)).Append(" and work offline.</p>\n");
        return Page(title, body.ToString(), header: $"<span>{runs.Count} lessons</span><span class=\"muted\">reads offline</span>", usesPlotly: false);
    }

    // "label: value" then the model and its range, then the verdict with its reason, so a reader sees at once whether the
    // number agrees with what the lesson teaches.
    private static void AppendFigure(StringBuilder body, KeyFigure figure)
    {
        body.Append("<li><span class=\"figure\">").Append(Encode(figure.Label)).Append(": <b>").Append(Encode(figure.Value)).Append("</b></span>");
        if (figure.HasModel)
        {
            body.Append(" <span class=\"muted\">model: ").Append(Encode(figure.Model!)).Append(", expect ").Append(Encode(figure.RangeText)).Append("</span>");
        }

        var css = figure.Verdict switch
        {
            KeyFigureVerdict.Agrees => "verdict-agrees",
            KeyFigureVerdict.Busy => "verdict-busy",
            KeyFigureVerdict.Outside or KeyFigureVerdict.Unreadable => "verdict-outside",
            _ => "muted",
        };
        body.Append(" <span class=\"").Append(css).Append("\">").Append(Encode(figure.VerdictText));
        if (figure.Reason is { } reason)
        {
            body.Append(": ").Append(Encode(reason));
        }

        body.Append("</span></li>");
    }

    /// <summary>The HTML of one lesson's page.</summary>
    public static string LessonPage(NotebookRun run, NotebookRun? previous, NotebookRun? next, string siteTitle)
    {
        var body = new StringBuilder();
        if (run.FailureSummary is { } failure)
        {
            body.Append("<p class=\"banner\">This lesson did not run cleanly: ").Append(Encode(failure)).Append("</p>\n");
        }

        // Highlighted together: a name declared in one cell is known in the next, as in the kernel.
        var code = run.Cells.Where(c => c.Cell.Kind == CellKind.Code).ToList();
        var highlighted = CSharpHighlighter.HighlightCells([.. code.Select(c => c.Cell.Source.TrimEnd())], run.Notebook.Directory);
        var htmlByCell = code.Select((c, i) => (c.Number, Html: highlighted[i])).ToDictionary(x => x.Number, x => x.Html);
        foreach (var cell in run.Cells)
        {
            AppendCell(body, cell, htmlByCell.GetValueOrDefault(cell.Number, ""));
        }

        var nav = new StringBuilder("<a href=\"index.html\">&larr; ").Append(Encode(siteTitle)).Append("</a><span>");
        if (previous is not null)
        {
            nav.Append("<a href=\"").Append(Encode(PageHref(previous))).Append("\">&lsaquo; ").Append(Encode(previous.Notebook.Name)).Append("</a> ");
        }

        if (next is not null)
        {
            nav.Append(" <a href=\"").Append(Encode(PageHref(next))).Append("\">").Append(Encode(next.Notebook.Name)).Append(" &rsaquo;</a>");
        }

        nav.Append("</span>");
        var usesPlotly = run.Cells.SelectMany(c => c.Outputs).Any(o => o.HtmlText is { } h && ChartHtml.IsChart(h));
        return Page(run.Notebook.Title, body.ToString(), nav.ToString(), usesPlotly);
    }

    private static void AppendCell(StringBuilder body, CellResult result, string highlightedSource)
    {
        var cell = result.Cell;
        switch (cell.Kind)
        {
            case CellKind.Markdown:
                body.Append("<section class=\"cell markdown\">").Append(Markdig.Markdown.ToHtml(cell.Source, Markdown)).Append("</section>\n");
                return;
            case CellKind.Raw:
                return;
        }

        body.Append("<section class=\"cell code\" id=\"cell-").Append(cell.Number).Append("\"><div class=\"label\">cell ").Append(cell.Number);
        body.Append(result.Status switch
        {
            CellStatus.Passed => $" &middot; {Seconds(result.Duration)}",
            CellStatus.Failed => $" &middot; <span class=\"status-failed\">failed</span> &middot; {Seconds(result.Duration)}",
            CellStatus.TimedOut => " &middot; <span class=\"status-failed\">timed out</span>",
            CellStatus.NotRun => " &middot; not run",
            _ => "",
        });
        body.Append("</div><pre class=\"code\"><code>").Append(highlightedSource).Append("</code></pre>\n");

        var outputs = result.Outputs;
        if (outputs.Count > 0)
        {
            body.Append("<div class=\"outputs\">\n");
            foreach (var output in outputs)
            {
                AppendOutput(body, output);
            }

            body.Append("</div>\n");
        }

        body.Append("</section>\n");
    }

    private static void AppendOutput(StringBuilder body, CellOutput output)
    {
        switch (output.Kind)
        {
            case OutputKind.StandardOutput:
                body.Append("<pre class=\"out stdout\">").Append(Encode(output.Text ?? "")).Append("</pre>\n");
                return;
            case OutputKind.StandardError:
                body.Append("<pre class=\"out stderr\">").Append(Encode(output.Text ?? "")).Append("</pre>\n");
                return;
            case OutputKind.Error:
                body.Append("<pre class=\"out error\">").Append(Encode(output.Text ?? "")).Append("</pre>\n");
                return;
        }

        if (output.HtmlText is { } html)
        {
            if (ChartHtml.IsChart(html))
            {
                body.Append(ChartHtml.ToOffline(html) ?? "<pre class=\"out error\">This chart's HTML has an unknown shape and cannot be drawn offline.</pre>").Append('\n');
            }
            else
            {
                body.Append("<div class=\"html-output\">").Append(KernelStyleBlock().Replace(html, "")).Append("</div>\n");
            }
        }
        else if (output.Text is { } text)
        {
            body.Append("<pre class=\"out\">").Append(Encode(text)).Append("</pre>\n");
        }
    }

    private static string Page(string title, string body, string header, bool usesPlotly) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)}</title>
        <link rel="stylesheet" href="{SiteStyles.SitePath}">
        {(usesPlotly ? $"<script src=\"{PlotlyScript.SitePath}\"></script>" : "")}
        </head>
        <body>
        <header class="site">{header}</header>
        <main>
        {body}
        </main>
        </body>
        </html>
        """;

    private static string Status(NotebookRun run) =>
        run.Succeeded
            ? $"<span class=\"status-passed\">passed</span> <span class=\"muted\">{run.PassedCount} cells</span>"
            : run.FirstFailure is { } failure
                ? $"<span class=\"status-failed\">failed</span> <span class=\"muted\">cell {failure.Number}</span>"
                : $"<span class=\"status-failed\">failed</span> <span class=\"muted\">{Encode(run.Problem ?? "")}</span>";

    private static string Seconds(TimeSpan time) => Encode(NotebookExecutor.FormatSeconds(time));

    private static string Encode(string text) => Html.Encode(text);

    // The kernel's default formatter appends a global <style> block to every HTML value; the site's CSS covers it.
    [GeneratedRegex(@"<style>(?:(?!</style>)[\s\S])*\.dni-[\s\S]*?</style>")]
    private static partial Regex KernelStyleBlock();
}
