namespace Tutorial.Concurrency;

/// <summary>A job as the caller hands it over: an id the caller chose and the input to work on (Go's <c>Job{ID, ...}</c>).</summary>
/// <remarks>
/// Job ids are always the caller's: the library never numbers jobs itself, and every <see cref="Result{T}"/>,
/// <see cref="DeadLetter{T}"/> and not-processed job names its job by the id it was handed over with.
/// </remarks>
/// <typeparam name="T">The job's input.</typeparam>
/// <param name="Id">The id the caller gave the job; give each job its own if you want to tell their outcomes apart.</param>
/// <param name="Input">What the job works on.</param>
public readonly record struct Job<T>(int Id, T Input);

// The "ids are the inputs" overloads of FanOut and WorkerPool: the job with id 7 works on 7.
internal static class JobIds
{
    public static IEnumerable<Job<int>> AsJobs(IEnumerable<int> ids, string paramName)
    {
        ArgumentNullException.ThrowIfNull(ids, paramName);
        return ids.Select(id => new Job<int>(id, id));
    }
}
