namespace Tutorial.Notebooks.Documents;

/// <summary>A notebook file the runner cannot run: not a readable nbformat 4 notebook, or not a C# one.</summary>
/// <remarks>The message names the file and the problem in one line, so the runner prints it as is, without a stack trace.</remarks>
public class NotebookFormatException : Exception
{
    /// <summary>Creates the exception for a notebook that is not valid nbformat 4.</summary>
    public NotebookFormatException(string path, string problem, Exception? inner = null)
        : this(path, problem, "not a valid notebook", inner)
    {
    }

    /// <summary>Creates the exception with a custom kind of problem (the words after the path).</summary>
    protected NotebookFormatException(string path, string problem, string kind, Exception? inner)
        : base($"{path}: {kind}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The notebook file.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it, in one sentence.</summary>
    public string Problem { get; }
}

/// <summary>A valid notebook in another language (a Python notebook, an F# cell): the runner runs C# only and says so
/// instead of compiling it as C#.</summary>
public sealed class NotebookLanguageException(string path, string problem)
    : NotebookFormatException(path, problem, "not a C# notebook", null);
