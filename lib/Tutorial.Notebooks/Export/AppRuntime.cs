namespace Tutorial.Notebooks.Export;

/// <summary>The few lines of support every exported app carries at its end: what the notebook kernel did for the cells
/// (working directory, displaying values) done by the app itself, so it needs nothing but the SDK.</summary>
internal static class AppRuntime
{
    /// <summary>The name of the generated support class.</summary>
    public const string ClassName = "NotebookApp";

    /// <summary>The statement that starts the app, before the first cell.</summary>
    /// <param name="notebookFolder">The notebook's folder relative to the app file ('/' separators).</param>
    /// <param name="name">The app's name (the lesson file name without extension), used for chart files.</param>
    public static string Start(string notebookFolder, string name) =>
        $"{ClassName}.Start(notebookFolder: {Literal(notebookFolder)}, name: {Literal(name)});";

    /// <summary>The source of the support class. With <paramref name="charts"/> (the app references Plotly.NET), a
    /// displayed Plotly chart is written to an HTML file with plotly.js embedded, so it opens offline.</summary>
    public static string Source(bool charts) => $$"""
        /// <summary>What the notebook kernel did for the cells, done by this app.</summary>
        static class {{ClassName}}
        {
        {{(charts ? ChartFields : "")}}    /// <summary>Runs the cells where the notebook runs them: in the notebook's folder, so relative paths mean the same.</summary>
            public static void Start(string notebookFolder, string name)
            {
                var app = AppContext.GetData("EntryPointFilePath") as string
                    ?? throw new InvalidOperationException("Run this file with `dotnet run FILE.cs` (.NET 10 SDK or later).");
                var appFolder = Path.GetDirectoryName(Path.GetFullPath(app))!;
        {{(charts ? ChartStart : "")}}        Directory.SetCurrentDirectory(Path.GetFullPath(Path.Combine(appFolder, notebookFolder)));
                Console.OutputEncoding = System.Text.Encoding.UTF8;
            }

            /// <summary>A cell's last expression has no value: just run it.</summary>
            public static void Show(Action expression) => expression();

            /// <summary>A cell's last expression has a value: display it, as the notebook does.</summary>
            public static void Show<T>(Func<T> expression) => Display(expression());

            /// <summary>An awaited last expression with no value.</summary>
            public static Task ShowAsync(Func<Task> expression) => expression();

            /// <summary>An awaited last expression with a value.</summary>
            public static async Task ShowAsync<T>(Func<Task<T>> expression) => Display(await expression());

            /// <summary>The notebook's <c>value.Display()</c>: prints the value{{(charts ? "; a chart goes to an HTML file whose path is printed" : "")}}.</summary>
            public static void Display(this object? value)
            {
        {{(charts ? ChartBranch : "")}}        switch (value)
                {
                    case null:
                        Console.WriteLine("<null>");
                        break;
                    case string text:
                        Console.WriteLine(text);
                        break;
                    case System.Collections.IEnumerable items:
                        foreach (var item in items)
                            Console.WriteLine(item);
                        break;
                    default:
                        Console.WriteLine(value);
                        break;
                }
            }
        }
        """;

    private const string ChartFields = """
            private static string _chartFolder = "charts";
            private static string _name = "app";
            private static int _charts;


        """;

    private const string ChartStart = """
                _chartFolder = Path.Combine(appFolder, "charts");
                _name = name;

        """;

    // Plotly.NET's PlotlyJSReference.Full inlines plotly.js (~3.6 MB) instead of loading it from a CDN: the file draws
    // offline. The F# optional parameters are positional for C#; null is F#'s None.
    private const string ChartBranch = """
                if (value is Plotly.NET.GenericChart chart)
                {
                    Directory.CreateDirectory(_chartFolder);
                    var path = Path.Combine(_chartFolder, $"{_name}-chart-{++_charts}.html");
                    var offline = Plotly.NET.Chart.withDisplayOptionsStyle(null, null, null, null, null, null, Plotly.NET.PlotlyJSReference.Full).Invoke(chart);
                    File.WriteAllText(path, Plotly.NET.GenericChart.toEmbeddedHTML(offline));
                    Console.WriteLine($"📊 chart {_charts}: {path}");
                    return;
                }


        """;

    private static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
