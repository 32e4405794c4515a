using Tutorial.Notebooks.Execution;
using Tutorial.Notebooks.Lessons;

namespace Tutorial.Notebooks.Tests.Infrastructure;

/// <summary>The course's lessons (<c>notebooks/NN-name.ipynb</c>), each executed once per test run.</summary>
/// <example>
/// <code>
/// [Collection(NotebookCollection.Name)]
/// public class Lesson01Tests
/// {
///     [Fact]
///     public async Task Sequential_version_takes_at_least_the_sum_of_the_delays()
///     {
///         var run = await LessonRuns.GetAsync("01");
///         NotebookAssert.RanCleanly(run);
///         var ms = NotebookAssert.KeyFigureNumber(run, "sequential");
///         Assert.True(ms >= 140, $"sequential took {ms} ms");
///     }
/// }
/// </code>
/// </example>
public static class LessonRuns
{
    /// <summary>Every lesson in <c>notebooks/</c>, in course order (empty while there are none).</summary>
    public static IReadOnlyList<Lesson> All => LessonCatalog.Discover(TestPaths.LessonsFolder);

    /// <summary>The lesson named by <paramref name="selector"/> (<c>01</c>, <c>1</c>, <c>worker-pool</c>, <c>01-worker-pool</c>).</summary>
    /// <exception cref="LessonNotFoundException">No lesson matches; the message lists the lessons.</exception>
    public static Lesson Find(string selector) => LessonCatalog.Select(All, [selector]).Single();

    /// <summary>The executed lesson: runs it on first use, then returns the cached result.</summary>
    public static Task<NotebookRun> GetAsync(string selector) => NotebookRuns.GetAsync(Find(selector).Path);
}
