namespace Tutorial.Notebooks.Documents;

/// <summary>A notebook file that is not a readable nbformat 4 notebook.</summary>
/// <remarks>The message names the file and what is wrong with it, so the runner can print it as is, without a stack trace.</remarks>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public NotebookFormatException(string path, string problem, Exception? inner = null)
        : base($"{path}: not a valid notebook: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The notebook file.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it, in one sentence.</summary>
    public string Problem { get; }
}
