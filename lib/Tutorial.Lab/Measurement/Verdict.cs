namespace Tutorial.Lab;

/// <summary>What a measured key figure says about its model, as <see cref="KeyFigure.Check(string, double, Model)"/> prints it.</summary>
public enum Verdict
{
    /// <summary><c>✅ agrees</c>: the value is inside the model's range.</summary>
    Agrees,

    /// <summary>
    /// <c>⚠️ busy</c>: the value is outside the range, and other processes were measured using a good share of the CPUs
    /// while it was measured. The figure is not evidence against the model: rerun the cell on a quieter machine.
    /// </summary>
    Busy,

    /// <summary>
    /// <c>❌ outside</c>: the value is outside the range although the machine was quiet (or this OS gives no load reading).
    /// That is unexpected: rerun the cell; if it stays outside, the code or the model is wrong.
    /// </summary>
    Outside,
}
