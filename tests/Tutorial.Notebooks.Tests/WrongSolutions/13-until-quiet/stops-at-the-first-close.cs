// Exercise: 13-until-quiet
// Expect: was sent but never arrived
// Takes the first ok = false as the end of everything: when one channel closes, the values still coming on the other
// are never forwarded.
async Task ForwardUntilQuietAsync(ChannelReader<string> left, ChannelReader<string> right, TimeSpan quiet, ChannelWriter<string> output)
{
    var done = false;
    try
    {
        while (!done)
        {
            string? value = null;
            await Select.WaitAsync(
                Select.Receive(left, (v, ok) => { if (ok) value = v; else done = true; }),
                Select.Receive(right, (v, ok) => { if (ok) value = v; else done = true; }),
                Select.After(quiet, () => done = true));
            if (value is not null)
                await output.WriteAsync(value);
        }
    }
    finally
    {
        output.Complete();
    }
}
