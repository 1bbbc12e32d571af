using KollegialtUtbyte.Contracts;
using NetArchTest.Rules;

namespace KollegialtUtbyte.Architecture.Tests;

/// <summary>
/// The rules of the design that the compiler does not enforce, checked over the
/// service assemblies (the embedded host references them all).
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string[] ServiceNames = ["Regions", "Meetings", "Feedback", "Identity", "Notifications"];

    public static TheoryData<string> Services => new(ServiceNames);

    private static Assembly ServiceAssembly(string name) => Assembly.Load($"KollegialtUtbyte.{name}");

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_never_references_another_service(string service)
    {
        var references = ServiceAssembly(service).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var others = ServiceNames.Where(n => n != service).Select(n => $"KollegialtUtbyte.{n}");
        Assert.Empty(references.Intersect(others));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Domain_code_uses_no_EF_Core_HTTP_or_messaging(string service)
    {
        var domain = Types.InAssembly(ServiceAssembly(service)).That().ResideInNamespace($"KollegialtUtbyte.{service}.Domain");
        Assert.NotEmpty(domain.GetTypes());

        var result = domain.ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "MassTransit", "Npgsql", "Microsoft.Data.Sqlite")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join("\n", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Integration_events_are_records_in_one_namespace_named_in_the_past_tense()
    {
        var events = typeof(MeetingScheduled).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethod("<Clone>$") is not null && t.Name != nameof(MeetingDetails))
            .ToList();

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("KollegialtUtbyte.Contracts", e.Namespace));
        string[] irregularPastTense = ["Held", "Given", "Left", "Sent", "Withdrawn"];
        var notPastTense = events
            .Where(e => !Regex.Matches(e.Name, "[A-Z][a-z]*").Any(word => word.Value.EndsWith("ed", StringComparison.Ordinal) || irregularPastTense.Contains(word.Value)))
            .ToList();
        Assert.True(notPastTense.Count == 0, "Events are named in the past tense: " + string.Join(", ", notPastTense.Select(e => e.Name)));
        Assert.All(events, e => Assert.NotNull(e.GetProperty("OccurredAt")));
    }
}
