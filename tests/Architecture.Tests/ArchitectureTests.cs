using System.Reflection;
using System.Text.RegularExpressions;
using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Architecture.Tests;

/// <summary>
/// The rules of the design that the compiler does not enforce, checked by reflection over the
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
        string[] forbidden = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "MassTransit", "Npgsql", "Microsoft.Data.Sqlite"];
        var domainTypes = ServiceAssembly(service).GetTypes().Where(t => t.Namespace?.Contains(".Domain", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(domainTypes);

        var violations = domainTypes
            .SelectMany(type => TypesUsedBy(type).Select(used => (type, used)))
            .Where(pair => pair.used.Namespace is { } ns && forbidden.Any(f => ns.StartsWith(f, StringComparison.Ordinal)))
            .Select(pair => $"{pair.type.FullName} uses {pair.used.FullName}")
            .Distinct()
            .ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
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

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = new List<Type?> { type.BaseType };
        used.AddRange(type.GetInterfaces());
        used.AddRange(type.GetFields(all).Select(f => f.FieldType));
        used.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            used.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                used.Add(info.ReturnType);
            }

            used.AddRange(method.GetMethodBody()?.LocalVariables.Select(v => v.LocalType) ?? []);
        }

        return used.OfType<Type>().SelectMany(Flatten);
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Flatten(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return inner;
            }
        }
    }
}
