namespace Tutorial.Notebooks.Cli;

/// <summary>A command line or a setup the runner cannot work with; the message says what to fix, in one line.</summary>
public sealed class UsageException(string message) : Exception(message);
