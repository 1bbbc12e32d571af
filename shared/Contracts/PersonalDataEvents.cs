namespace KollegialtUtbyte.Contracts;

// A person's right of access and to data portability (GDPR art. 15 and 20). Regions, which
// keeps the directory of people, asks every service for what it holds about a person
// (PersonalDataExportRequested) and collects each service's answer
// (PersonalDataExportPartCollected) into one archive the person or an administrator downloads.

/// <summary>Published by Regions: every service that holds data about the person answers with its part.</summary>
public sealed record PersonalDataExportRequested(Guid ExportId, Guid PersonId, DateTimeOffset OccurredAt);

/// <summary>
/// Published by each service: what it holds about the person, as an indented UTF-8 JSON
/// document that the archive keeps as <c>{Service}.json</c>.
/// </summary>
public sealed record PersonalDataExportPartCollected(
    Guid ExportId,
    Guid PersonId,
    string Service,
    [property: PersonalDataCopy] string Json,
    DateTimeOffset OccurredAt);

/// <summary>
/// Marks a member that carries a copy of a person's data on its way to an export. Like a link
/// secret, the publishing outbox blanks it in the stored copy of the event once it is dispatched:
/// the outbox must not become a second, forgotten store of the person's data.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class PersonalDataCopyAttribute : Attribute;
