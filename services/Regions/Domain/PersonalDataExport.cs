namespace KollegialtUtbyte.Regions.Domain;

/// <summary>One service's answer to an export: its data about the person as JSON.</summary>
public sealed class PersonalDataExportPart
{
    private PersonalDataExportPart()
    {
    }

    internal PersonalDataExportPart(string service, string json, DateTimeOffset receivedAt)
    {
        Service = service;
        Json = json;
        ReceivedAt = receivedAt;
    }

    public string Service { get; private set; } = "";

    public string Json { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    internal void Replace(string json, DateTimeOffset receivedAt)
    {
        Json = json;
        ReceivedAt = receivedAt;
    }
}

/// <summary>
/// A request for everything the suite holds about one person (GDPR art. 15 and 20), collected
/// from every service over the bus. Regions collects because it keeps the directory: it knows
/// the person, and who may ask (the person herself and administrators).
/// </summary>
public sealed class PersonalDataExport
{
    /// <summary>The services that hold data about people; each answers with one part.</summary>
    public static readonly IReadOnlyList<string> Services = ["regions", "identity", "meetings", "feedback", "notifications"];

    private readonly List<PersonalDataExportPart> _parts = [];

    private PersonalDataExport()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>The person who asked: the subject herself or an administrator.</summary>
    public Guid? RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>Services that have not answered by then are named as missing in the archive.</summary>
    public DateTimeOffset DeadlineAt { get; private set; }

    public IReadOnlyList<PersonalDataExportPart> Parts => _parts;

    public IEnumerable<string> Missing => Services.Where(s => _parts.All(p => p.Service != s));

    public static PersonalDataExport Request(Guid personId, Guid? requestedBy, DateTimeOffset now, TimeSpan window) => new()
    {
        Id = Guid.CreateVersion7(),
        PersonId = personId,
        RequestedBy = requestedBy,
        RequestedAt = now,
        DeadlineAt = now + window,
    };

    public PersonalDataExportState StateAt(DateTimeOffset now) =>
        !Missing.Any() ? PersonalDataExportState.Complete
        : now < DeadlineAt ? PersonalDataExportState.Collecting
        : PersonalDataExportState.Incomplete;

    /// <summary>
    /// Keeps a service's answer; a later answer (after a retry) replaces an earlier one. Answers
    /// from services the export does not know are ignored.
    /// </summary>
    public bool Receive(string service, string json, DateTimeOffset at)
    {
        if (!Services.Contains(service))
        {
            return false;
        }

        if (_parts.FirstOrDefault(p => p.Service == service) is { } earlier)
        {
            earlier.Replace(json, at);
        }
        else
        {
            _parts.Add(new PersonalDataExportPart(service, json, at));
        }

        return true;
    }

    /// <summary>Asks again with a new deadline; a complete export has nothing to ask for.</summary>
    public void Retry(DateTimeOffset now, TimeSpan window)
    {
        if (StateAt(now) == PersonalDataExportState.Complete)
        {
            throw new RuleViolationException("export.complete", "Exporten är redan komplett; alla tjänster har svarat.");
        }

        DeadlineAt = now + window;
    }
}
