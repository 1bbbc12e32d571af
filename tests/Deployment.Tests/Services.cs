namespace KollegialtUtbyte.Deployment.Tests;

/// <summary>The deployable services: every folder under services/ with a project, except the embedded host.</summary>
internal static class Services
{
    public static IReadOnlyList<string> Names { get; } = Directory.GetDirectories(RepositoryRoot.Combine("services"))
        .Select(Path.GetFileName)
        .OfType<string>()
        .Where(name => name != "Host" && File.Exists(RepositoryRoot.Combine("services", name, $"KollegialtUtbyte.{name}.csproj")))
        .Order()
        .ToList();

    public static TheoryData<string> All => new(Names);

    public static string Lower(string name) => name.ToLowerInvariant();
}
