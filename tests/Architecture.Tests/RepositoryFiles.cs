namespace KollegialtUtbyte.Architecture.Tests;

/// <summary>The checkout the tests run from (the folder holding KollegialtUtbyte.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KollegialtUtbyte.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No KollegialtUtbyte.sln above {AppContext.BaseDirectory}.");
    }
}
