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
    public void Finds_the_repository_root_from_the_test_output() =>
        Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "Tutorial.sln")));
}
