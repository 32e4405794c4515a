// Exports every lesson as a .NET 10 file-based app (until the runner's command line has a verb for it):
//   dotnet run .ci/export-apps.cs -- [LESSONS_FOLDER] [OUTPUT_FOLDER]     (defaults: notebooks artifacts/apps)
// Prints the path of each written app, one per line; exit 1 (with a line per problem on stderr) when a lesson cannot be exported.
#:project ../lib/Tutorial.Notebooks/Tutorial.Notebooks.csproj
#:property NoWarn=$(NoWarn);NU1608
#:property PublishAot=false

var lessons = args.Length > 0 ? args[0] : "notebooks";
var output = args.Length > 1 ? args[1] : Path.Combine("artifacts", "apps");
try
{
    foreach (var app in Tutorial.Notebooks.Export.FileBasedApps.ExportAll(lessons, output))
        Console.WriteLine(app);
    return 0;
}
catch (Exception e) when (e is Tutorial.Notebooks.Export.CourseExportException or DirectoryNotFoundException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
