namespace Platform.Tests.Infrastructure;

/// <summary>Finds files of the repository (the schema script) from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The test project's folder (tests/Platform.Tests).</summary>
    public static string TestProject => Path.Combine(Root, "tests", "Platform.Tests");

    public static string PostgresSchema => Path.Combine(Root, "deploy", "postgres", "init.sql");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }
}
