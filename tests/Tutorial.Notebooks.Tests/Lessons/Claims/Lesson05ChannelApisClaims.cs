using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons.Claims;

/// <summary>Lesson 05's claims that its key figures' models do not already check, asserted on what the lesson printed
/// (and, for the one claim about the compiler, on the compiler). One file per lesson, so lessons can change side by side.</summary>
public sealed class Lesson05ChannelApisClaims
{
    [Fact]
    public async Task Lesson_05_a_consumer_that_completes_the_channel_fails_the_producer()
    {
        var output = (await CourseRuns.EngineAsync("05")).CellContaining("SumFirstThreeAsync(Channel<int> numbers)").StandardOutput;
        Assert.Contains("sum of the first three: 6", output, StringComparison.Ordinal);
        Assert.Contains("the producer failed: ChannelClosedException", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lesson_05_a_reader_has_no_member_that_writes_completes_or_leads_back_to_its_writer()
    {
        // The lesson says so in prose; read it off the type.
        var members = typeof(System.Threading.Channels.ChannelReader<int>).GetMembers().Select(m => m.Name).ToHashSet();
        Assert.Contains("ReadAsync", members);
        foreach (var member in new[] { "Complete", "TryComplete", "TryWrite", "WriteAsync", "WaitToWriteAsync", "Writer" })
            Assert.DoesNotContain(member, members);
    }

    [Fact]
    public void Lesson_05_the_compiler_refuses_to_complete_a_channel_through_its_reader()
    {
        // The lesson quotes this error for the fixed signature; compile the line to keep the quote true.
        const string source = """
            using System.Threading.Channels;
            static class Consumer
            {
                static void Stop(ChannelReader<int> numbers) => numbers.Writer.Complete();
            }
            """;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "System.Threading.Channels.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Lesson05", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var error = Assert.Single(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal("CS1061", error.Id);
        Assert.StartsWith("'ChannelReader<int>' does not contain a definition for 'Writer'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lesson_05_only_SingleReader_on_an_unbounded_channel_changes_the_implementation()
    {
        var output = (await CourseRuns.EngineAsync("05")).CellContaining("async Task MoveAsync").StandardOutput;
        Assert.Contains("unbounded: UnboundedChannel`1; SingleWriter: UnboundedChannel`1; SingleReader: SingleConsumerUnboundedChannel`1; bounded, both: BoundedChannel`1",
            output, StringComparison.Ordinal);
    }
}
