namespace Tutorial.Notebooks.Cli;

/// <summary>A command line the runner cannot understand; the message says what to fix.</summary>
public sealed class UsageException(string message) : Exception(message);
