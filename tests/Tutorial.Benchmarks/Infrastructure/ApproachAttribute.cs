namespace Tutorial.Benchmarks.Infrastructure;

/// <summary>
/// Names what a benchmark measures in the tidy summary's <c>approach</c> column (e.g. <c>library</c>, <c>CountdownEvent</c>),
/// so a chart can group the library against the BCL without parsing method names.
/// </summary>
/// <param name="name">The approach, short and stable: lesson 08 plots by it.</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApproachAttribute(string name) : Attribute
{
    /// <summary>The approach's name.</summary>
    public string Name { get; } = name;
}
