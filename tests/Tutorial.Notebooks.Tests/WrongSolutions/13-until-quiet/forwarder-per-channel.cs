// Exercise: 13-until-quiet
// Expect: was still reading a channel after ForwardUntilQuietAsync returned
// Forwards each channel with a task of its own and stops when both are done or nothing came for `quiet`, but never
// awaits the forwarders: the one on a channel that went silent without closing is left reading it for good.
async Task ForwardUntilQuietAsync(ChannelReader<string> left, ChannelReader<string> right, TimeSpan quiet, ChannelWriter<string> output)
{
    var last = System.Diagnostics.Stopwatch.StartNew();
    async Task Forward(ChannelReader<string> input)
    {
        await foreach (var v in input.ReadAllAsync()) { await output.WriteAsync(v); lock (last) last.Restart(); }
    }
    var both = Task.WhenAll(Forward(left), Forward(right));
    while (!both.IsCompleted)
    {
        TimeSpan idle; lock (last) idle = last.Elapsed;
        if (idle >= quiet) break;
        await Task.WhenAny(both, Task.Delay(quiet - idle));
    }
    output.Complete();
}
