using System.Diagnostics;

namespace Tutorial.Lab;

/// <summary>
/// A stand-in for a database server that accepts at most <see cref="MaxConnections"/> connections at once (PostgreSQL's
/// default <c>max_connections</c> is 100) and refuses the rest. Each query holds its connection for
/// <see cref="QueryTime"/> (a <see cref="PreciseDelay"/>, so it holds no thread) and then releases it. The server counts
/// what it accepted and refused, the most connections open at once, and when the queries arrived, so a lesson can
/// compare a fan-out of 1000 queries with a worker pool.
/// </summary>
/// <remarks>
/// A query is refused when, on arrival, <see cref="MaxConnections"/> queries already hold a connection: it throws at once
/// and opens nothing. So if every query of a batch arrives before the first accepted one ends, exactly
/// <see cref="MaxConnections"/> are accepted and all the others are refused; queries that arrive later may find a
/// connection that an earlier query has released.
/// </remarks>
public sealed class ConnectionLimitedServer
{
    private readonly Lock _gate = new();
    private int _open;
    private int _peak;
    private int _accepted;
    private int _refused;
    private long _firstArrival;
    private long _lastArrival;

    /// <summary>Creates the server.</summary>
    /// <param name="maxConnections">How many queries may hold a connection at once (at least 1).</param>
    /// <param name="queryTime">How long one query holds its connection (zero or more).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConnections"/> is below 1, or <paramref name="queryTime"/> is negative.</exception>
    public ConnectionLimitedServer(int maxConnections, TimeSpan queryTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queryTime, TimeSpan.Zero);
        MaxConnections = maxConnections;
        QueryTime = queryTime;
    }

    /// <summary>How many queries may hold a connection at once.</summary>
    public int MaxConnections { get; }

    /// <summary>How long one query holds its connection.</summary>
    public TimeSpan QueryTime { get; }

    /// <summary>Queries that got a connection since the server was created or <see cref="Reset"/>.</summary>
    public int Accepted
    {
        get
        {
            lock (_gate)
                return _accepted;
        }
    }

    /// <summary>Queries refused because every connection was taken.</summary>
    public int Refused
    {
        get
        {
            lock (_gate)
                return _refused;
        }
    }

    /// <summary>The most connections that were open at the same moment; never above <see cref="MaxConnections"/>.</summary>
    public int PeakConnections
    {
        get
        {
            lock (_gate)
                return _peak;
        }
    }

    /// <summary>From the first query's arrival to the last one's (zero before two queries arrived).</summary>
    public TimeSpan ArrivalSpread
    {
        get
        {
            lock (_gate)
                return _accepted + _refused < 2 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_firstArrival, _lastArrival);
        }
    }

    /// <summary>
    /// Runs one query: takes a connection, holds it for <see cref="QueryTime"/>, releases it and returns a row. Its
    /// signature fits <c>FanOut.Start</c> and <c>WorkerPool.RunAsync</c> as a method group.
    /// </summary>
    /// <param name="id">The query's id (e.g. an image id); the row names it.</param>
    /// <param name="cancellationToken">Ends the query early; its connection is released.</param>
    /// <returns>The row, e.g. <c>row 7</c>.</returns>
    /// <exception cref="InvalidOperationException">Every connection was taken when the query arrived: <c>too many connections</c>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled while the query ran.</exception>
    public async ValueTask<string> QueryAsync(int id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (_accepted + _refused == 0)
                _firstArrival = now;
            _lastArrival = now;
            if (_open >= MaxConnections)
            {
                _refused++;
                throw new InvalidOperationException($"too many connections: all {MaxConnections} are in use");
            }
            _open++;
            _accepted++;
            _peak = Math.Max(_peak, _open);
        }
        try
        {
            await PreciseDelay.WaitAsync(QueryTime, cancellationToken);
            return $"row {id}";
        }
        finally
        {
            lock (_gate)
                _open--;
        }
    }

    /// <summary>Clears the counts (accepted, refused, peak, arrivals) for the next experiment; open connections stay open.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _accepted = 0;
            _refused = 0;
            _peak = _open;
            _firstArrival = 0;
            _lastArrival = 0;
        }
    }
}
