namespace Tutorial.Concurrency;

/// <summary>A unit of work with the id it was given when it was submitted (Go's <c>Job{ID, Value}</c>).</summary>
/// <typeparam name="T">The job's input.</typeparam>
/// <param name="Id">The job's id, unique within one pool or fan-out.</param>
/// <param name="Input">What the job works on.</param>
public readonly record struct Job<T>(int Id, T Input);
