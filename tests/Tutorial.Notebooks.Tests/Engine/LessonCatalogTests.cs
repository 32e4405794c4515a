using Tutorial.Notebooks.Lessons;
using Tutorial.Notebooks.Tests.Infrastructure;

namespace Tutorial.Notebooks.Tests.Engine;

public sealed class LessonCatalogTests
{
    private static readonly IReadOnlyList<Lesson> Lessons =
    [
        new("01", "hello-tasks", "/c/notebooks/01-hello-tasks.ipynb"),
        new("02", "worker-pool", "/c/notebooks/02-worker-pool.ipynb"),
        new("10", "pipelines", "/c/notebooks/10-pipelines.ipynb"),
    ];

    [Theory]
    [InlineData("01", "01-hello-tasks")]
    [InlineData("1", "01-hello-tasks")]
    [InlineData("worker-pool", "02-worker-pool")]
    [InlineData("Worker-Pool", "02-worker-pool")]
    [InlineData("10-pipelines", "10-pipelines")]
    [InlineData("notebooks/10-pipelines.ipynb", "10-pipelines")]
    public void Selects_by_number_name_id_or_file(string selector, string id) =>
        Assert.Equal(id, Assert.Single(LessonCatalog.Select(Lessons, [selector])).Id);

    [Fact]
    public void Selection_keeps_course_order_and_no_selector_means_all()
    {
        Assert.Equal(["01-hello-tasks", "10-pipelines"], LessonCatalog.Select(Lessons, ["10", "01"]).Select(l => l.Id));
        Assert.Equal(3, LessonCatalog.Select(Lessons, []).Count);
    }

    [Fact]
    public void Unknown_selector_lists_the_lessons()
    {
        var e = Assert.Throws<LessonNotFoundException>(() => LessonCatalog.Select(Lessons, ["12"]));

        Assert.Equal($"no lesson matches '12'; the lessons are:{Environment.NewLine}  01  hello-tasks{Environment.NewLine}  02  worker-pool{Environment.NewLine}  10  pipelines", e.Message);
    }

    [Fact]
    public void Discovers_only_NN_name_notebooks_in_numeric_order()
    {
        var found = LessonCatalog.Discover(TestPaths.BrokenNotebooks);

        Assert.Equal(["01", "02", "03", "04", "05", "06"], found.Select(l => l.Number));
        Assert.Empty(LessonCatalog.Discover(Path.Combine(TestPaths.BrokenNotebooks, "missing")));
    }

    [Fact]
    public void Names_with_spaces_and_letters_outside_ASCII_are_lessons_and_other_notebooks_are_reported_as_skipped()
    {
        var folder = TestPaths.NewOutputFolder("catalog");
        foreach (var name in new[] { "02-génération.ipynb", "01-my first lesson.ipynb", "10-Ünïcode.IPYNB", "notes.ipynb", "3.ipynb", "04-.ipynb", "readme.md" })
        {
            File.WriteAllText(Path.Combine(folder, name), "{}");
        }

        var scan = LessonCatalog.Scan(folder);

        Assert.Equal(["01-my first lesson", "02-génération", "10-Ünïcode"], scan.Lessons.Select(l => l.Id));
        Assert.Equal(["04-.ipynb", "3.ipynb", "notes.ipynb"], scan.Skipped.Select(Path.GetFileName));
        Assert.Equal("02-génération", Assert.Single(LessonCatalog.Select(scan.Lessons, ["GÉNÉRATION"])).Id);
        Assert.Equal("02-génération", Assert.Single(LessonCatalog.Select(scan.Lessons, ["ge\u0301ne\u0301ration"])).Id); // decomposed accents
    }

    [Fact]
    public void Finds_the_repository_root_from_the_test_output() =>
        Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "Tutorial.sln")));
}
