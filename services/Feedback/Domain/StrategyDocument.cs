using KollegialtUtbyte.ServiceDefaults.PersonalData;

namespace KollegialtUtbyte.Feedback.Domain;

/// <summary>A region's strategy document (e.g. "Värmlandsstrategin"), whose drafts are uploaded as numbered versions.</summary>
public sealed class StrategyDocument : IVersioned
{
    private StrategyDocument()
    {
    }

    public Guid Id { get; private set; }

    public Guid RegionId { get; private set; }

    public string Title { get; private set; } = "";

    public StrategyDocumentKind Kind { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Number of the newest version; 0 until the first draft is uploaded.</summary>
    public int LatestVersionNumber { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedByPersonId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; set; }

    /// <summary>An erased person's name in the title or description becomes "Borttagen person".</summary>
    public bool ForgetName(string name)
    {
        if (!ErasedNames.Mentions(Title, name) && !ErasedNames.Mentions(Description, name))
        {
            return false;
        }

        Title = ErasedNames.Replace(Title, name);
        Description = ErasedNames.ReplaceOptional(Description, name);
        return true;
    }

    public static StrategyDocument Create(Guid regionId, string title, StrategyDocumentKind kind, string? description, Guid personId, DateTimeOffset now)
    {
        var document = new StrategyDocument
        {
            Id = Guid.CreateVersion7(now),
            RegionId = regionId,
            CreatedAt = now,
            CreatedByPersonId = personId,
        };
        document.Edit(title, kind, description, now);
        return document;
    }

    public void Edit(string title, StrategyDocumentKind kind, string? description, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new RuleViolationException("document.title-required", "Dokumentet behöver en titel.");
        }

        Title = title.Trim();
        Kind = kind;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        UpdatedAt = now;
    }

    /// <summary>Records an uploaded draft as the next version. The file is already stored under <paramref name="file"/>'s key.</summary>
    public DocumentVersion AddVersion(Guid versionId, StoredDraft file, string? note, Guid personId, DateTimeOffset now)
    {
        LatestVersionNumber++;
        UpdatedAt = now;
        return new DocumentVersion
        {
            Id = versionId,
            DocumentId = Id,
            Number = LatestVersionNumber,
            FileName = file.FileName,
            Format = file.Format,
            ContentType = file.Format.ContentType(),
            SizeBytes = file.SizeBytes,
            Sha256 = file.Sha256,
            StorageKey = file.StorageKey,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            UploadedAt = now,
            UploadedByPersonId = personId,
        };
    }
}

/// <summary>What is known about an uploaded file once it has been checked and stored.</summary>
public sealed record StoredDraft(string StorageKey, string FileName, DocumentFormat Format, long SizeBytes, string Sha256);

/// <summary>One uploaded draft of a document. Immutable: a correction is a new version.</summary>
public sealed class DocumentVersion
{
    public const int NoteMaxLength = 2000;

    public Guid Id { get; set; }

    public Guid DocumentId { get; set; }

    public int Number { get; set; }

    public required string FileName { get; set; }

    public DocumentFormat Format { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content, so anyone can check the copy they read is the one submitted.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Where the storage keeps the content; never derived from the client's file name.</summary>
    public required string StorageKey { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public Guid UploadedByPersonId { get; set; }
}
