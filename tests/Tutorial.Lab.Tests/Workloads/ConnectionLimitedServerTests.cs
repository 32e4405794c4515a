using Tutorial.Concurrency;
using Tutorial.Lab;
using Tutorial.Concurrency.Tests;

namespace Tutorial.Lab.Tests.Workloads;

public class ConnectionLimitedServerTests
{
    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectionLimitedServer(0, TimeSpan.FromMilliseconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectionLimitedServer(1, TimeSpan.FromMilliseconds(-1)));
    }

    [Fact]
    public async Task A_query_returns_its_row_and_releases_its_connection()
    {
        var server = new ConnectionLimitedServer(1, TimeSpan.FromMilliseconds(1));

        Assert.Equal("row 7", await server.QueryAsync(7).Within());
        Assert.Equal("row 8", await server.QueryAsync(8).Within()); // the one connection was free again

        Assert.Equal(2, server.Accepted);
        Assert.Equal(0, server.Refused);
        Assert.Equal(1, server.PeakConnections);
    }

    [Fact]
    public async Task Queries_beyond_the_limit_are_refused_while_the_connections_are_held()
    {
        var server = new ConnectionLimitedServer(3, TimeSpan.FromSeconds(30));
        using var stop = new CancellationTokenSource();
        var held = Enumerable.Range(1, 3).Select(id => server.QueryAsync(id, stop.Token).AsTask()).ToList();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => server.QueryAsync(4).AsTask()).Within();

        Assert.Contains("too many connections", refused.Message, StringComparison.Ordinal);
        Assert.Equal((3, 1, 3), (server.Accepted, server.Refused, server.PeakConnections));
        stop.Cancel();
        foreach (var query in held)
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query).Within();
        Assert.Equal("row 5", await new ConnectionLimitedServer(1, TimeSpan.Zero).QueryAsync(5).Within());
    }

    [Fact]
    public async Task A_cancelled_query_releases_its_connection()
    {
        var server = new ConnectionLimitedServer(1, TimeSpan.FromSeconds(30));
        using var stop = new CancellationTokenSource();
        var first = server.QueryAsync(1, stop.Token).AsTask();
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first).Within();

        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(1));
        var second = server.QueryAsync(2, soon.Token).AsTask();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second).Within(); // accepted (then cancelled), not refused
        Assert.Equal((2, 0), (server.Accepted, server.Refused));
    }

    [Fact]
    public async Task A_burst_that_arrives_within_one_query_time_has_exactly_the_limit_accepted()
    {
        var server = new ConnectionLimitedServer(10, TimeSpan.FromSeconds(2));
        using var stop = new CancellationTokenSource();
        // The arrival (take a connection or be refused) runs before QueryAsync's first await: all 100 have arrived when the loop ends.
        var queries = Enumerable.Range(1, 100).Select(id => server.QueryAsync(id, stop.Token).AsTask()).ToArray();

        Assert.Equal((10, 90, 10), (server.Accepted, server.Refused, server.PeakConnections));
        Assert.True(server.ArrivalSpread < TimeSpan.FromSeconds(2), $"arrivals spread over {server.ArrivalSpread}");
        Assert.Equal(90, queries.Count(q => q.IsFaulted && q.Exception!.InnerException is InvalidOperationException));
        stop.Cancel();
        foreach (var query in queries)
            await Assert.ThrowsAnyAsync<Exception>(() => query).Within();
    }

    [Fact]
    public async Task Reset_clears_the_counts()
    {
        var server = new ConnectionLimitedServer(2, TimeSpan.Zero);
        await server.QueryAsync(1).Within();
        await server.QueryAsync(2).Within();
        Assert.True(server.ArrivalSpread >= TimeSpan.Zero);

        server.Reset();

        Assert.Equal((0, 0, 0, TimeSpan.Zero), (server.Accepted, server.Refused, server.PeakConnections, server.ArrivalSpread));
    }
}
