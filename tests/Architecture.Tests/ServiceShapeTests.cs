namespace KollegialtUtbyte.Architecture.Tests;

/// <summary>
/// Every service directory has the one shape described in docs/architecture.md ("Folder shape"):
/// the same top-level folders and root files, so that a reader finds the same thing in the same
/// place in every service.
/// </summary>
public sealed class ServiceShapeTests
{
    private static readonly string[] AllowedFolders = ["Api", "Application", "Consumers", "Data", "Domain", "Properties", "bin", "obj"];

    public static TheoryData<string> Services => new("Feedback", "Identity", "Meetings", "Notifications", "Regions");

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_has_only_the_agreed_folders_and_root_files(string service)
    {
        var directory = new DirectoryInfo(Path.Combine(RepositoryFiles.Root, "services", service));
        Assert.True(directory.Exists, $"services/{service} is missing.");

        // Dot-entries (e.g. .data/ with a local SQLite file) are ignored by git and are never part of the shape.
        var folders = directory.GetDirectories().Where(d => !d.Name.StartsWith('.')).Select(d => d.Name);
        var files = directory.GetFiles().Where(f => !f.Name.StartsWith('.')).Select(f => f.Name);

        var offending = folders.Where(f => !AllowedFolders.Contains(f, StringComparer.Ordinal)).Select(f => $"services/{service}/{f}/")
            .Concat(files.Where(f => !IsRootFile(service, f)).Select(f => $"services/{service}/{f}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(
            offending.Count == 0,
            $"services/{service} does not have the service shape (docs/architecture.md, \"Folder shape\"). Move or rename:\n  "
            + string.Join("\n  ", offending)
            + $"\nAllowed folders: {string.Join(", ", AllowedFolders)}. Allowed root files: Program.cs, {service}Module.cs, {service}Options.cs, "
            + $"README.md, appsettings*.json, KollegialtUtbyte.{service}.csproj.");
    }

    /// <summary>Classes bound from configuration; records named *Settings are values of a domain (a programme's calendar settings).</summary>
    [Fact]
    public void Configuration_classes_are_named_Options_never_Settings()
    {
        var declaration = new System.Text.RegularExpressions.Regex(@"\bclass\s+(\w+Settings)\b");
        var offending = new[] { "services", "shared" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => declaration.Matches(File.ReadAllText(path)).Select(m => $"{Path.GetRelativePath(RepositoryFiles.Root, path)}: {m.Groups[1].Value}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offending.Count == 0, "Configuration classes are named *Options (docs/architecture.md):\n  " + string.Join("\n  ", offending));
    }

    private static bool IsRootFile(string service, string name) =>
        name == "Program.cs"
        || name == $"{service}Module.cs"
        || name == $"{service}Options.cs"
        || name == "README.md"
        || name == $"KollegialtUtbyte.{service}.csproj"
        || (name.StartsWith("appsettings", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal));
}
