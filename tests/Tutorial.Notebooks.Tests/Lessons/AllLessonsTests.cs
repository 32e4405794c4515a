using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Lessons;

/// <summary>Every lesson in <c>notebooks/</c> must run start to finish in the engine with no failing cell and
/// nothing on stderr. Lesson-specific claims belong in per-lesson test classes that use <see cref="LessonRuns"/>.</summary>
[Collection(NotebookCollection.Name)]
public sealed class AllLessonsTests
{
    /// <summary>The row used while the repository has no notebooks/ folder at all (a course not yet written).</summary>
    public const string NoLessonsFolder = "(no notebooks/ folder yet)";

    /// <summary>The row used when notebooks/ exists but holds no NN-name.ipynb: that is a mistake, and fails.</summary>
    public const string EmptyLessonsFolder = "(notebooks/ has no lessons)";

    /// <summary>One row per lesson, or one sentinel row (xunit fails a theory with no rows at all).</summary>
    public static TheoryData<string> Lessons()
    {
        var data = new TheoryData<string>();
        if (!Directory.Exists(TestPaths.LessonsFolder))
        {
            data.Add(NoLessonsFolder);
            return data;
        }

        var lessons = LessonRuns.All;
        if (lessons.Count == 0)
        {
            data.Add(EmptyLessonsFolder);
        }

        foreach (var lesson in lessons)
        {
            data.Add(lesson.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task Lesson_runs_cleanly_in_the_engine(string lesson)
    {
        if (lesson == NoLessonsFolder)
        {
            // Nothing to run yet; the fixture course below keeps the engine honest meanwhile.
            Assert.False(Directory.Exists(TestPaths.LessonsFolder));
            return;
        }

        Assert.True(lesson != EmptyLessonsFolder, $"{TestPaths.LessonsFolder} exists but has no lesson notebooks named NN-name.ipynb");
        NotebookAssert.RanCleanly(await LessonRuns.GetAsync(lesson));
    }

    [Theory]
    [InlineData("01-setup-and-chart")]
    [InlineData("02-key-figures")]
    public async Task Fixture_course_notebook_runs_cleanly_in_the_engine(string name) =>
        NotebookAssert.RanCleanly(await NotebookRuns.GetAsync(TestPaths.Fixture(name)));
}
