return await Tutorial.Notebooks.Cli.RunnerCommand.RunAsync(args);
