using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.ServiceDefaults.Outbox;

/// <summary>
/// Blanks the <see cref="LinkSecretAttribute"/> and <see cref="PersonalDataCopyAttribute"/> members
/// of an event in its stored body once it has been published: the dispatched row is kept a while
/// for diagnosis, but no longer needs the token that only the recipient's mail may carry, nor the
/// copy of a person's data that only the export may carry.
/// </summary>
internal static class OutboxSecrets
{
    private static readonly ConcurrentDictionary<Type, string[]> SecretNames = new();

    public static string Blank(Type type, string body)
    {
        var names = SecretNames.GetOrAdd(type, t => t.GetProperties()
            .Where(p => p.IsDefined(typeof(LinkSecretAttribute)) || p.IsDefined(typeof(PersonalDataCopyAttribute)))
            .Select(p => OutboxJson.Options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name)
            .ToArray());
        if (names.Length == 0 || JsonNode.Parse(body) is not JsonObject json)
        {
            return body;
        }

        foreach (var name in names.Where(json.ContainsKey))
        {
            json[name] = "";
        }

        return json.ToJsonString(OutboxJson.Options);
    }
}
