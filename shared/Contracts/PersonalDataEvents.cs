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

// The right to erasure (GDPR art. 17) with the public-records exception. A person asks, an
// administrator decides (the authority's duty to keep records leaves room for a refusal), and
// Regions, having pseudonymised its directory, tells every service to do the same
// (PersonalDataErasureDecided). Each service answers once it has (PersonalDataErased), so Regions
// can show which services are done; a service that is down erases when it comes back.

/// <summary>
/// Published by Regions when an administrator decided to erase a person: every service replaces
/// her name with <see cref="ErasedPerson.Name"/>, forgets her e-mail, phone and gender, and
/// answers with <see cref="PersonalDataErased"/>. Approved meeting documentation keeps the names
/// as approved: it is a public record.
/// </summary>
public sealed record PersonalDataErasureDecided(Guid ErasureId, Guid PersonId, DateTimeOffset OccurredAt);

/// <summary>Published by each service once it no longer names the person anywhere (except in public records).</summary>
public sealed record PersonalDataErased(Guid ErasureId, Guid PersonId, string Service, DateTimeOffset OccurredAt);

/// <summary>How an erased person is shown everywhere: what she did stays, who she was does not.</summary>
public static class ErasedPerson
{
    public const string Name = "Borttagen person";
}
