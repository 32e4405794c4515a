namespace Tutorial.Notebooks.Execution;

/// <summary>Code submitted to a lesson's kernel after all of its cells passed, in the same kernel, as a learner would type
/// it into a new cell: an exercise's solution followed by its check cell, or a wrong solution and the check again.</summary>
/// <param name="Label">What this submission is, for messages, e.g. <c>solution 03-defer-done</c>.</param>
/// <param name="Source">The C# to submit.</param>
public sealed record FollowUp(string Label, string Source);

/// <summary>What a <see cref="FollowUp"/> did.</summary>
/// <param name="FollowUp">The submission.</param>
/// <param name="Result">Its result, like a cell's.</param>
public sealed record FollowUpResult(FollowUp FollowUp, CellResult Result);
