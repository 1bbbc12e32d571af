using System.Runtime.CompilerServices;

namespace KollegialtUtbyte.Architecture.Tests;

/// <summary>
/// A service with an API contract assembly (shared/ApiContracts/&lt;Service&gt;, docs/architecture.md,
/// "API contract assemblies") is called by the portal only through it: no URL of the service written
/// as a string and no copy of its records, so a renamed field or route breaks the build, not a page.
/// A service whose contract moves there is added to <see cref="Contracts"/>.
/// </summary>
public sealed class ApiContractTests
{
    public static TheoryData<string> Contracts => new("Feedback", "Identity", "Meetings", "Notifications", "Regions");

    [Theory]
    [MemberData(nameof(Contracts))]
    public void The_portal_writes_no_URL_of_the_service(string service)
    {
        var prefix = PrefixOf(service);
        var portal = new DirectoryInfo(Path.Combine(RepositoryFiles.Root, "services", "Portal"));
        var literal = "\"" + prefix;

        var offending = portal.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => f.Extension is ".cs" or ".razor" or ".cshtml" or ".js")
            .Where(f => !InBuildOutput(portal, f))
            .SelectMany(f => File.ReadLines(f.FullName).Select((line, index) => (File: f, Line: line, Number: index + 1)))
            .Where(l => l.Line.Contains(literal, StringComparison.Ordinal) || l.Line.Contains("'" + prefix, StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(RepositoryFiles.Root, l.File.FullName)}:{l.Number}: {l.Line.Trim()}")
            .ToList();

        Assert.True(
            offending.Count == 0,
            $"The portal calls {service} through {service}Api (KollegialtUtbyte.{service}.ApiContracts), never by a URL string starting with {prefix}:\n  "
            + string.Join("\n  ", offending));
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void The_portal_declares_no_copy_of_the_services_records(string service)
    {
        var contract = ContractAssembly(service).GetExportedTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var copies = Assembly.Load("KollegialtUtbyte.Portal").GetTypes()
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), false) && contract.Contains(t.Name))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(
            copies.Count == 0,
            $"The portal declares types named like {service}'s contract; use the contract's own (KollegialtUtbyte.{service}.ApiContracts):\n  "
            + string.Join("\n  ", copies));
    }

    private static Assembly ContractAssembly(string service) => Assembly.Load($"KollegialtUtbyte.{service}.ApiContracts");

    private static string PrefixOf(string service)
    {
        var routes = ContractAssembly(service).GetType($"KollegialtUtbyte.{service}.ApiContracts.{service}Routes", throwOnError: true)!;
        return (string)routes.GetField("Prefix", BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;
    }

    private static bool InBuildOutput(DirectoryInfo project, FileInfo file)
    {
        var relative = Path.GetRelativePath(project.FullName, file.FullName).Split(Path.DirectorySeparatorChar);
        return relative[0] is "bin" or "obj";
    }
}
