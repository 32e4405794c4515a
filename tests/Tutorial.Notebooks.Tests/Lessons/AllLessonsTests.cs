using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons;

/// <summary>Every lesson in <c>notebooks/</c> must run start to finish in the engine with no failing cell and
/// nothing on stderr. Lesson-specific claims belong in per-lesson test classes that use <see cref="LessonRuns"/>.</summary>
[Collection(NotebookCollection.Name)]
public sealed class AllLessonsTests
{
    /// <summary>One row per lesson; xunit fails a theory with no rows, so a course without lessons fails too.</summary>
    public static TheoryData<string> Lessons() => new(LessonRuns.All.Select(l => l.Id));

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task Lesson_runs_cleanly_in_the_engine(string lesson) =>
        NotebookAssert.RanCleanly(await LessonRuns.GetAsync(lesson));

    [Theory]
    [InlineData("01-setup-and-chart")]
    [InlineData("02-key-figures")]
    public async Task Fixture_course_notebook_runs_cleanly_in_the_engine(string name) =>
        NotebookAssert.RanCleanly(await NotebookRuns.GetAsync(TestPaths.Fixture(name)));
}
