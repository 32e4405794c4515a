// Exercise: 04-send-everything
async Task SendImagesAsync(ChannelWriter<string> writer, string[] imageNames)
{
    foreach (var name in imageNames)
        await writer.WriteAsync(name);  // waits until a receiver takes the name
    writer.Complete();                  // Go's close: tells the receiver no more names are coming
}
