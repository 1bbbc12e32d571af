namespace KollegialtUtbyte.Feedback.Domain;

/// <summary>
/// A lesson the author region writes down for a document (the learning cycle of Gröna tråden:
/// plan how what was learnt is kept). Append-only; together with the answers to suggestions it
/// forms the document's learning log across versions.
/// </summary>
public sealed class LearningNote
{
    public Guid Id { get; set; }

    public Guid DocumentId { get; set; }

    public int? VersionNumber { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid CreatedByPersonId { get; set; }
}
