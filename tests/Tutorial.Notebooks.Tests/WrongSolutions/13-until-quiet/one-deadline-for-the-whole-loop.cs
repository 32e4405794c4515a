// Exercise: 13-until-quiet
// Expect: was sent but never arrived
// Mistakes "quiet for 100 ms" for "100 ms in all": one token for the whole loop ends it 100 ms after the start, while
// values are still arriving every 10 ms.
async Task ForwardUntilQuietAsync(ChannelReader<string> left, ChannelReader<string> right, TimeSpan quiet, ChannelWriter<string> output)
{
    ChannelReader<string>? a = left, b = right;
    using var deadline = new CancellationTokenSource(quiet);
    try
    {
        while (a is not null || b is not null)
        {
            string? value = null;
            await Select.WaitAsync([
                Select.Receive(a, (v, ok) => { if (ok) value = v; else a = null; }),
                Select.Receive(b, (v, ok) => { if (ok) value = v; else b = null; })], deadline.Token);
            if (value is not null)
                await output.WriteAsync(value);
        }
    }
    catch (OperationCanceledException) { }
    finally
    {
        output.Complete();
    }
}
