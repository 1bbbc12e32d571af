using System.Text.Json;
using System.Text.Json.Serialization;

namespace KollegialtUtbyte.ServiceDefaults.Outbox;

/// <summary>How events are stored in the outbox and sent on the wire: web defaults, enums as strings.</summary>
public static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        if (!options.Converters.Any(c => c is JsonStringEnumConverter))
        {
            options.Converters.Add(new JsonStringEnumConverter());
        }

        return options;
    }
}
