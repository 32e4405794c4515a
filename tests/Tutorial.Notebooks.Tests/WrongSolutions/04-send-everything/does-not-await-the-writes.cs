// Exercise: 04-send-everything
// Expect: SendImagesAsync returned: a task your code started was still running
// Uses the write that waits, but does not wait for it: the method returns with the sends still pending (and completing
// the writer makes them fail, so the names are lost too).
async Task SendImagesAsync(ChannelWriter<string> writer, string[] imageNames)
{
    foreach (var name in imageNames)
        _ = writer.WriteAsync(name);
    writer.Complete();
}
