namespace Tutorial.Concurrency.Workloads;

/// <summary>What a simulated image job spends its time on.</summary>
public enum WorkloadKind
{
    /// <summary>Waiting without a thread, like a network or disk call (Go: a goroutine parked in the netpoller).</summary>
    Latency,

    /// <summary>Waiting while holding a thread (<see cref="Thread.Sleep(TimeSpan)"/>, a synchronous driver call): starves the thread pool.</summary>
    Blocking,

    /// <summary>Real computation on pixels: as many can run at once as there are cores.</summary>
    Cpu,
}
