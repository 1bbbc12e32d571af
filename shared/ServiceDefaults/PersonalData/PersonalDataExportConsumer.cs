using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.ServiceDefaults.PersonalData;

/// <summary>
/// A service's answer to a personal-data export: it collects what it holds about the person and
/// publishes it through its outbox, in the transaction that records the request in its inbox, so
/// every request is answered once, even across a crash. Each service derives one, named after
/// what it does, which gives it its own queue.
/// </summary>
public abstract class PersonalDataExportConsumer<TDbContext>(TDbContext db, TimeProvider time)
    : IdempotentConsumer<PersonalDataExportRequested, TDbContext>(db)
    where TDbContext : DbContext
{
    /// <summary>The service's name: the archive keeps the part as <c>{Service}.json</c>.</summary>
    protected abstract string Service { get; }

    /// <summary>
    /// Everything the service holds about the person, readable without the service's code:
    /// named fields, enum names, times with offsets. Never secrets (tokens, hashes).
    /// </summary>
    protected abstract Task<object> CollectAsync(Guid personId, CancellationToken cancellationToken);

    protected override async Task ApplyAsync(PersonalDataExportRequested message, ConsumeContext<PersonalDataExportRequested> context, CancellationToken cancellationToken)
    {
        var part = await CollectAsync(message.PersonId, cancellationToken);
        var json = JsonSerializer.Serialize(part, PersonalDataJson.Options);
        Db.AddEvent(new PersonalDataExportPartCollected(message.ExportId, message.PersonId, Service, json, time.GetUtcNow()));
    }
}

/// <summary>How the parts of an export are written: indented, Swedish letters as they are, enums by name.</summary>
public static class PersonalDataJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };
}
