using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Notifications.Domain;

/// <summary>A feedback round on a strategy draft (a copy fed by the Feedback service's events).</summary>
public sealed class FeedbackRound : IVersioned
{
    private FeedbackRound()
    {
        DocumentTitle = "";
    }

    public Guid RoundId { get; private set; }

    public Guid DocumentId { get; private set; }

    public Guid AuthorRegionId { get; private set; }

    public string DocumentTitle { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public bool Closed { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public long Version { get; set; }

    public static FeedbackRound Open(Guid roundId, Guid documentId, Guid authorRegionId, string documentTitle, DateTimeOffset deadline, DateTimeOffset occurredAt) =>
        new()
        {
            RoundId = roundId,
            DocumentId = documentId,
            AuthorRegionId = authorRegionId,
            DocumentTitle = Limits.Clip(documentTitle, Limits.Title),
            Deadline = deadline,
            ChangedAt = occurredAt,
        };

    public void Update(string documentTitle, DateTimeOffset deadline, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt)
        {
            return;
        }

        DocumentTitle = Limits.Clip(documentTitle, Limits.Title);
        Deadline = deadline;
        ChangedAt = occurredAt;
    }

    /// <summary>Closes the round for good; returns false when it already was.</summary>
    public bool Close()
    {
        if (Closed)
        {
            return false;
        }

        Closed = true;
        return true;
    }
}

/// <summary>A region asked to review a round's draft, and whether it has given its feedback.</summary>
public sealed class FeedbackReviewer
{
    private FeedbackReviewer()
    {
    }

    public Guid RoundId { get; private set; }

    public Guid RegionId { get; private set; }

    public bool Assigned { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public static FeedbackReviewer For(Guid roundId, Guid regionId) => new() { RoundId = roundId, RegionId = regionId };

    /// <summary>Returns true the first time the region is assigned.</summary>
    public bool Assign()
    {
        if (Assigned)
        {
            return false;
        }

        Assigned = true;
        return true;
    }

    public void RecordSubmission(DateTimeOffset occurredAt) => SubmittedAt ??= occurredAt;
}
