// Exercise: 04-send-everything
// Expect: the receiver got
// Uses the write that waits, but does not wait for it: the writer is completed while the sends are still pending, and they fail.
async Task SendImagesAsync(ChannelWriter<string> writer, string[] imageNames)
{
    foreach (var name in imageNames)
        _ = writer.WriteAsync(name);
    writer.Complete();
}
