// Exercise: 04-send-everything
// Expect: was never completed
// Every name is handed over, but the writer is never completed: the receiver waits for a sixth name that never comes.
async Task SendImagesAsync(ChannelWriter<string> writer, string[] imageNames)
{
    foreach (var name in imageNames)
        await writer.WriteAsync(name);
}
