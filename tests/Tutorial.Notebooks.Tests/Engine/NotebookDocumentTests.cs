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
    [InlineData("""{"nbformat": 3, "cells": []}""", "\"nbformat\" must be the integer 4 (found the number 3)")]
    [InlineData("""{"nbformat": 4.5, "cells": []}""", "\"nbformat\" must be the integer 4 (found the number 4.5)")]
    [InlineData("""{"nbformat": "4", "cells": []}""", "\"nbformat\" must be the integer 4 (found the string \"4\")")]
    [InlineData("""{"nbformat": 4, "nbformat_minor": -1, "cells": []}""", "\"nbformat_minor\" must be a whole number (found the number -1)")]
    [InlineData("""{"nbformat": 4}""", "there is no \"cells\" array")]
    [InlineData("""{"nbformat": 4, "metadata": [], "cells": []}""", "\"metadata\" must be an object (found a list)")]
    [InlineData("""{"nbformat": 4, "cells": [null]}""", "cell 1 must be an object (found null)")]
    [InlineData("""{"nbformat": 4, "cells": [{"source": ""}]}""", "cell 1 has no valid \"cell_type\" (found none; expected \"code\", \"markdown\" or \"raw\")")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": 1, "source": ""}]}""", "cell 1 has no valid \"cell_type\" (found the number 1; expected \"code\", \"markdown\" or \"raw\")")]
    [InlineData("""{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "widget", "source": "", "metadata": {}}]}""", "cell 1 has no valid \"cell_type\" (found the string \"widget\"; expected \"code\", \"markdown\" or \"raw\")")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "source": 42}]}""", "cell 1's \"source\" must be a string or a list of strings (found the number 42)")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "source": ["a", 1]}]}""", "cell 1's \"source\" must be a string or a list of strings (found a list)")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code"}]}""", "cell 1 has no \"source\"")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "outputs": {}}]}""", "cell 1's \"outputs\" must be a list (found an object)")]
    public void Json_that_is_not_a_notebook_says_what_is_wrong(string json, string problem)
    {
        var e = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Parse("x.ipynb", json));

        Assert.Equal(problem, e.Problem);
    }
}

public sealed class NotebookLanguageTests
{
    [Theory]
    [InlineData("""{"nbformat": 4, "metadata": {"kernelspec": {"name": "python3", "language": "python"}}, "cells": []}""", "its kernelspec.language is 'python' (kernelspec 'python3'); the runner runs C# notebooks only")]
    [InlineData("""{"nbformat": 4, "metadata": {"language_info": {"name": "R"}}, "cells": []}""", "its language_info.name is 'R' (kernelspec 'none'); the runner runs C# notebooks only")]
    [InlineData("""{"nbformat": 4, "metadata": {"kernelspec": {"name": ".net-fsharp"}}, "cells": []}""", "its kernelspec is '.net-fsharp'; the runner runs C# notebooks only")]
    [InlineData("""{"nbformat": 4, "metadata": {"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "pwsh"}}}, "cells": [{"cell_type": "code", "source": "Get-Date"}]}""", "cell 1 is PowerShell (kernel 'pwsh'); the runner runs C# cells only")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "metadata": {"polyglot_notebook": {"kernelName": "fsharp"}}, "source": "1"}]}""", "cell 1 is F# (kernel 'fsharp'); the runner runs C# cells only")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "metadata": {"dotnet_interactive": {"language": "javascript"}}, "source": "1"}]}""", "cell 1 is JavaScript (kernel 'javascript'); the runner runs C# cells only")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "source": "var x = 1;\n#!fsharp\nlet y = 2"}]}""", "cell 1 switches to F# with '#!fsharp'; the runner runs C# cells only")]
    public void A_notebook_or_cell_in_another_language_is_refused_with_the_language(string json, string problem)
    {
        var notebook = NotebookDocument.Parse("x.ipynb", json); // reading works: an exporter may name the cell itself

        var e = Assert.Throws<NotebookLanguageException>(notebook.RequireCSharp);
        Assert.Equal(problem, e.Problem);
        Assert.Equal(problem, notebook.LanguageProblem);
        Assert.Equal($"x.ipynb: not a C# notebook: {problem}", e.Message);
    }

    [Fact]
    public void Csharp_cells_with_kernel_directives_and_no_metadata_are_accepted()
    {
        var notebook = NotebookDocument.Parse("x.ipynb", """{"nbformat": 4, "cells": [{"cell_type": "code", "source": ["#!csharp\n", "#!time\n", "var x = 1;"]}, {"cell_type": "markdown", "source": "# t"}]}""");

        Assert.Equal("#!csharp\n#!time\nvar x = 1;", notebook.Cells[0].Source);
        Assert.Equal("csharp", notebook.Cells[0].KernelName);
        Assert.Null(notebook.LanguageProblem);
    }

    [Fact]
    public async Task The_engine_refuses_to_run_a_notebook_in_another_language()
    {
        var notebook = NotebookDocument.Parse("x.ipynb", """{"nbformat": 4, "cells": [{"cell_type": "code", "metadata": {"polyglot_notebook": {"kernelName": "fsharp"}}, "source": "let x = 1"}]}""");

        Assert.Equal("fsharp", notebook.Cells[0].KernelName);
        await Assert.ThrowsAsync<NotebookLanguageException>(() => new Tutorial.Notebooks.Execution.NotebookExecutor().RunAsync(notebook));
        await Assert.ThrowsAsync<NotebookLanguageException>(() => new Tutorial.Notebooks.Execution.IsolatedExecutor().RunAsync(notebook));
    }
}
