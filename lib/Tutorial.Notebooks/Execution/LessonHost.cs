using System.Text;
using System.Text.Json;
using Tutorial.Notebooks.Documents;

namespace Tutorial.Notebooks.Execution;

/// <summary>The child-process side of <see cref="IsolatedExecutor"/>: reads one request from stdin, runs the lesson in
/// an in-process kernel, and reports every cell on stdout (see <c>LessonProtocol</c>).</summary>
internal static class LessonHost
{
    public static async Task<int> RunAsync(string nonceForReady)
    {
        var protocol = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        // The kernel captures what a cell prints while it runs; anything printed outside that (a background thread after
        // its cell ended) must not reach the protocol stream, so the process's own stdout now goes to stderr.
        Console.SetOut(Console.Error);

        // The nonce comes with the request; Ready is the one line sent before it, marked by the argument the runner passed.
        await WarmUpAsync();
        protocol.WriteLine(LessonProtocol.EventLine(nonceForReady, new WireEvent(WireEventKind.Ready)));

        var request = JsonSerializer.Deserialize<LessonRequest>(await Console.In.ReadToEndAsync(), LessonProtocol.Json)
            ?? throw new InvalidOperationException("the lesson request on stdin was empty");
        var progress = new ProtocolProgress(protocol, request.Nonce);
        var executor = new NotebookExecutor(new ExecutionOptions
        {
            CellTimeout = TimeSpan.FromSeconds(request.CellTimeoutSeconds),
            MaxOutputCharacters = request.MaxOutputCharacters,
        });

        var run = await executor.RunAsync(NotebookDocument.Load(request.NotebookPath), request.FollowUps, progress);
        progress.Send(new WireEvent(WireEventKind.Done, DurationMs: run.Duration.TotalMilliseconds));
        await protocol.FlushAsync();

        // A timed-out cell, or a thread a cell left running, would keep the process alive: it has said all it had to say.
        Environment.Exit(0);
        return 0;
    }

    // The first submission in a process costs seconds of compiling the compiler (JIT); paying it in a throwaway kernel
    // before the lesson starts keeps it out of the lesson's first cell and lets the caller run it at a time of its choosing.
    private static async Task WarmUpAsync()
    {
        using var kernel = KernelFactory.Create();
        await kernel.SendAsync(new Microsoft.DotNet.Interactive.Commands.SubmitCode("var warmUp = 1 + 1;", KernelFactory.CSharp));
    }

    private sealed class ProtocolProgress(StreamWriter protocol, string nonce) : INotebookProgress
    {
        private readonly Lock _gate = new();

        public void CellStarting(NotebookDocument notebook, NotebookCell cell) => Send(new WireEvent(WireEventKind.CellStarting, cell.Number));

        public void CellFinished(NotebookDocument notebook, CellResult result) =>
            Send(new WireEvent(WireEventKind.CellFinished, result.Number, WireCell.From(result)));

        public void Send(WireEvent e)
        {
            var line = LessonProtocol.EventLine(nonce, e);
            lock (_gate)
            {
                protocol.WriteLine(line);
            }
        }
    }
}
