using Tutorial.Notebooks.Documents;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Engine;

public sealed class NotebookDocumentTests
{
    [Fact]
    public void Reads_cells_kinds_and_kernel_names()
    {
        var notebook = NotebookDocument.Load(TestPaths.Fixture("02-key-figures"));

        Assert.Equal("02-key-figures", notebook.Name);
        Assert.Equal("Key figures", notebook.Title);
        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code], notebook.Cells.Select(c => c.Kind));
        Assert.Equal("csharp", notebook.Cells[1].KernelName);
        Assert.Equal([1, 2, 3], notebook.Cells.Select(c => c.Number));
    }

    [Fact]
    public void Invalid_json_names_the_file_and_the_position()
    {
        var path = TestPaths.Broken("05-invalid-json");

        var e = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Load(path));

        Assert.Equal(path, e.Path);
        Assert.StartsWith($"{path}: not a valid notebook: the file is not valid JSON at line 3", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "the top-level JSON value must be an object")]
    [InlineData("""{"nbformat": 3, "cells": []}""", "\"nbformat\" must be 4")]
    [InlineData("""{"nbformat": 4}""", "there is no \"cells\" array")]
    [InlineData("""{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "widget", "source": "", "metadata": {}}]}""", "cell 1 has no valid \"cell_type\" (found 'widget')")]
    public void Json_that_is_not_a_notebook_says_what_is_wrong(string json, string problem)
    {
        var e = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Parse("x.ipynb", json));

        Assert.Equal(problem, e.Problem);
    }
}
