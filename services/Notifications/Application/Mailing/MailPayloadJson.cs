using System.Text.Json;
using KollegialtUtbyte.Notifications.Domain.Mails;
using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Notifications.Application.Mailing;

/// <summary>How a queued mail's payload is stored: JSON of the payload type its kind carries.</summary>
internal static class MailPayloadJson
{
    private static readonly JsonSerializerOptions Options = OutboxJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static string Serialize(MailPayload payload) => JsonSerializer.Serialize(payload, payload.GetType(), Options);

    /// <summary>A text as it appears inside a stored payload (JSON-escaped, without the quotes).</summary>
    public static string Encoded(string text) => JsonSerializer.Serialize(text, Options)[1..^1];

    public static MailPayload Deserialize(MailKind kind, string json) =>
        JsonSerializer.Deserialize(json, MailPayload.TypeFor(kind), Options) as MailPayload
        ?? throw new JsonException($"The payload of a {kind} mail is empty.");
}
