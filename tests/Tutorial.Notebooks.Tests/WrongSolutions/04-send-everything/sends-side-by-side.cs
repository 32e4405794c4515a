// Exercise: 04-send-everything
// Expect: not in the order they were sent
// Starts every send at once and waits for all of them: nothing is lost, but the sends race for the receiver.
async Task SendImagesAsync(ChannelWriter<string> writer, string[] imageNames)
{
    await Task.WhenAll(imageNames.Select(name => writer.WriteAsync(name).AsTask()));
    writer.Complete();
}
