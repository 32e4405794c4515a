using Tutorial.Notebooks.Export;
using static Tutorial.Notebooks.Tests.Export.LessonFixture;

namespace Tutorial.Notebooks.Tests.Export;

/// <summary>Exporting a whole lessons folder: one app per lesson, old apps cleaned up, every problem reported.</summary>
public sealed class ExportAllTests
{
    private readonly LessonFixture _course = new();

    [Fact]
    public void Writes_one_app_per_lesson_in_lesson_order()
    {
        _course.Write("10-last", Cs("var x = 10;"));
        _course.Write("02-second", Cs("var x = 2;"));
        _course.Write("01-first", Cs("var x = 1;"));
        File.WriteAllText(Path.Combine(_course.Notebooks, "notes.ipynb"), "{}"); // not a lesson (no NN- prefix)

        var apps = FileBasedApps.ExportAll(_course.Notebooks, _course.Apps);

        Assert.Equal(["01-first.cs", "02-second.cs", "10-last.cs"], apps.Select(Path.GetFileName));
        Assert.All(apps, app => Assert.True(File.Exists(app), app));
        Assert.Contains("var x = 2;", File.ReadAllText(apps[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Apps_of_lessons_that_no_longer_exist_are_deleted_and_other_files_are_kept()
    {
        _course.Write("01-first", Cs("var x = 1;"));
        var old = _course.Write("02-renamed-later", Cs("var x = 2;"));
        FileBasedApps.ExportAll(_course.Notebooks, _course.Apps);
        File.Delete(old);
        var mine = Path.Combine(_course.Apps, "scratch.cs");
        File.WriteAllText(mine, "Console.WriteLine(\"a learner's own file\");\n");

        FileBasedApps.ExportAll(_course.Notebooks, _course.Apps);

        Assert.False(File.Exists(Path.Combine(_course.Apps, "02-renamed-later.cs")));
        Assert.True(File.Exists(mine));
        Assert.True(File.Exists(Path.Combine(_course.Apps, "01-first.cs")));
    }

    [Fact]
    public void Every_lesson_that_cannot_be_exported_is_named_and_the_others_are_written()
    {
        _course.Write("01-fine", Cs("var x = 1;"));
        var broken = _course.Write("02-reuses-a-name", Cs("var x = 1;"));
        FileBasedApps.ExportAll(_course.Notebooks, _course.Apps); // both export once...
        _course.Write("02-reuses-a-name", Cs("var x = 1;"), Cs("var x = 2;")); // ...then lesson 02 breaks
        _course.Write("03-magic", Md("# Three"), Cs("#!time\nvar y = 1;"));

        var e = Assert.Throws<CourseExportException>(() => FileBasedApps.ExportAll(_course.Notebooks, _course.Apps));

        var lines = e.Message.Split(Environment.NewLine);
        Assert.Equal("2 of 3 lessons cannot be exported as file-based apps:", lines[0]);
        Assert.StartsWith("  02-reuses-a-name.ipynb, cell 2: cells 1 and 2 both declare 'x'", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("  03-magic.ipynb, cell 2: the magic command '#!time'", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Equal([2, 2], e.Failures.Select(f => f.Cell ?? 0));
        Assert.True(File.Exists(Path.Combine(_course.Apps, "01-fine.cs")));
        Assert.False(File.Exists(Path.Combine(_course.Apps, Path.GetFileNameWithoutExtension(broken) + ".cs")), "the broken lesson's old app must not stay behind");
    }

    [Fact]
    public void An_invalid_notebook_is_reported_with_the_others()
    {
        _course.Write("01-fine", Cs("var x = 1;"));
        File.WriteAllText(Path.Combine(_course.Notebooks, "02-not-json.ipynb"), "{ \"cells\": [");

        var e = Assert.Throws<CourseExportException>(() => FileBasedApps.ExportAll(_course.Notebooks, _course.Apps));

        Assert.Contains("  02-not-json.ipynb: not a valid notebook: the file is not valid JSON", e.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_course.Apps, "01-fine.cs")));
    }

    [Fact]
    public void A_folder_without_lessons_is_an_error()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => FileBasedApps.ExportAll(_course.Notebooks, _course.Apps));

        Assert.Contains("no lesson notebooks", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_lesson_of_the_course_exports()
    {
        var output = Infrastructure.TestPaths.NewOutputFolder("course-apps");

        var apps = FileBasedApps.ExportAll(Infrastructure.TestPaths.LessonsFolder, output);

        Assert.Equal(Directory.GetFiles(Infrastructure.TestPaths.LessonsFolder, "*.ipynb").Length, apps.Count);
        Assert.All(apps, app => Assert.Contains("#:project ", File.ReadAllText(app), StringComparison.Ordinal));
    }
}
