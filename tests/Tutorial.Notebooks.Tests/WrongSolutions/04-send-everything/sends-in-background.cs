// Exercise: 04-send-everything
// Expect: SendImagesAsync returned: a task your code started was still running
// Every name is handed over, in order, and the writer is completed, but by a task nobody owns: SendImagesAsync returns
// at once and the sends go on in the background, after the caller thinks they are done (a leak).
async Task SendImagesAsync(ChannelWriter<string> writer, string[] imageNames)
{
    _ = Task.Run(async () =>
    {
        foreach (var name in imageNames)
            await writer.WriteAsync(name);
        writer.Complete();
    });
}
