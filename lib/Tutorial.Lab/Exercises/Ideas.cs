namespace Tutorial.Lab;

// The pointers a failed check adds from the learner's second attempt on, one per kind of failure the harness detects.
// Each names the idea, never the code: the learner still writes the solution.
internal static class Ideas
{
    public const string Lost =
        "count what goes in and what comes out: every job must reach a worker, and every result must come back before you return.";

    public const string ProcessedTwice =
        "each job must be handed to exactly one worker: let the workers take ids from one shared channel, not from a shared index or list.";

    public const string DeliveredTwice = "pass each result on once, from the worker that produced it.";

    public const string TooMany =
        "start exactly as many workers as allowed and let each take one job at a time; one task per job has no limit.";

    public const string TooFew = "start every worker before you await any of them, so they can run side by side.";

    public const string Leak =
        "own every task you start: keep it and await it before you return (a stage that is cancelled must still finish).";

    public const string Stuck =
        "something waits forever: whoever writes a channel completes it when done (in a finally), and every wait needs someone who ends it.";

    public const string Unbounded =
        "bound every queue: Channel.CreateBounded<T>(n) makes the writer wait while it is full, so work cannot pile up.";

    public const string Rate = "pace the calls: wait for the next tick of a timer before each call, or let at most the allowed number through per period.";

    /// <summary>For a rate limit that must hold to the millisecond: a timer's tick can come a step early or catch up after a late one.</summary>
    public const string RateNeverEarly =
        "which clock can you trust never to tick early, and from which moment must the next period count?";
}
