// Exercise: 13-until-quiet
// Expect: 'output' received
// Forwards every value and stops at the right moment, but returns without completing `output`: its reader waits for
// more forever.
async Task ForwardUntilQuietAsync(ChannelReader<string> left, ChannelReader<string> right, TimeSpan quiet, ChannelWriter<string> output)
{
    ChannelReader<string>? a = left, b = right;
    var quietPassed = false;
    while ((a is not null || b is not null) && !quietPassed)
    {
        string? value = null;
        await Select.WaitAsync(
            Select.Receive(a, (v, ok) => { if (ok) value = v; else a = null; }),
            Select.Receive(b, (v, ok) => { if (ok) value = v; else b = null; }),
            Select.After(quiet, () => quietPassed = true));
        if (value is not null)
            await output.WriteAsync(value);
    }
}
