// Exercise: 13-until-quiet
async Task ForwardUntilQuietAsync(ChannelReader<string> left, ChannelReader<string> right, TimeSpan quiet, ChannelWriter<string> output)
{
    ChannelReader<string>? a = left, b = right;                // null once closed: a nil channel is never ready
    try
    {
        var quietPassed = false;
        while ((a is not null || b is not null) && !quietPassed)
        {
            string? value = null;
            await Select.WaitAsync(
                Select.Receive(a, (v, ok) => { if (ok) value = v; else a = null; }),
                Select.Receive(b, (v, ok) => { if (ok) value = v; else b = null; }),
                Select.After(quiet, () => quietPassed = true));  // made anew each time round: quiet since the last value
            if (value is not null)
                await output.WriteAsync(value);
        }
    }
    finally
    {
        output.Complete();                                     // the sender closes, whatever happened
    }
}
