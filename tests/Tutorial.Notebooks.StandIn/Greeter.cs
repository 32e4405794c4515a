namespace Tutorial.Concurrency.StandIn;

/// <summary>Proves that the notebook loaded this assembly through <c>#r</c>.</summary>
public static class Greeter
{
    /// <summary>A greeting that names the assembly it came from.</summary>
    public static string Hello(string who) => $"hello {who} from {typeof(Greeter).Assembly.GetName().Name}";
}
