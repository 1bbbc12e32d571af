namespace KollegialtUtbyte.Feedback.Domain;

/// <summary>All that reading rights depend on: the regions whose team the person sits in, and whether she administers.</summary>
public sealed record Reader(bool IsAdministrator, IReadOnlySet<Guid> TeamOf)
{
    /// <summary>May read what <paramref name="regionId"/> owns.</summary>
    public bool ReadsFor(Guid regionId) => IsAdministrator || TeamOf.Contains(regionId);

    /// <summary>Has a place in <paramref name="regionId"/>'s team (the administrator's role aside).</summary>
    public bool IsOf(Guid regionId) => TeamOf.Contains(regionId);
}

/// <summary>How the reader relates to a document: its own region's (or an administrator), or a reviewer of some of its versions.</summary>
public sealed record DocumentAccess(StrategyDocument Document, bool IsOwnerOrAdministrator, IReadOnlySet<Guid> ReviewableVersionIds)
{
    /// <summary>The owner's view: every version.</summary>
    public static DocumentAccess Owned(StrategyDocument document) => new(document, true, new HashSet<Guid>());

    public bool MayRead(Guid versionId) => IsOwnerOrAdministrator || ReviewableVersionIds.Contains(versionId);
}

/// <summary>How the reader relates to a round.</summary>
public sealed record RoundAccess(FeedbackRound Round, bool IsAuthor, bool IsReviewer, bool IsAdministrator);

/// <summary>Which of a round's feedback a reader sees.</summary>
public enum FeedbackScope
{
    /// <summary>Administrators: every region's, drafts included.</summary>
    All,

    /// <summary>Reviewers: their own regions' only, never another reviewer's.</summary>
    OwnRegions,

    /// <summary>The author region once the round has closed: what was submitted.</summary>
    Submitted,

    /// <summary>The author region while the round is open: nothing yet (answered 403, saying when).</summary>
    NotYetReleased,
}

/// <summary>
/// Who sees what of other regions' work. A region's drafts stay unknown to everyone outside its
/// team except the regions reviewing them, and those see only the versions they review; feedback
/// reaches the author region when the round closes.
/// </summary>
public static class Visibility
{
    /// <summary>
    /// The reader's access to <paramref name="document"/>, or null when the document must stay
    /// unknown to her. <paramref name="reviewedVersionIds"/> are the versions whose rounds one of
    /// her regions reviews (asked only when she is not of the owning region).
    /// </summary>
    public static DocumentAccess? OfDocument(Reader reader, StrategyDocument document, IReadOnlyCollection<Guid> reviewedVersionIds)
    {
        if (reader.ReadsFor(document.RegionId))
        {
            return DocumentAccess.Owned(document);
        }

        return reviewedVersionIds.Count > 0 ? new DocumentAccess(document, false, reviewedVersionIds.ToHashSet()) : null;
    }

    /// <summary>Whether the reviewed versions are worth asking for: only a reader in some team can review.</summary>
    public static bool MayReview(Reader reader) => reader.TeamOf.Count > 0;

    /// <summary>The reader's access to <paramref name="round"/>: its author region, a reviewing region or an administrator; otherwise null.</summary>
    public static RoundAccess? OfRound(Reader reader, FeedbackRound round)
    {
        var isAuthor = reader.ReadsFor(round.AuthorRegionId) && !reader.IsAdministrator;
        var isReviewer = reader.TeamOf.Any(round.IsReviewer);
        return isAuthor || isReviewer || reader.IsAdministrator ? new RoundAccess(round, isAuthor, isReviewer, reader.IsAdministrator) : null;
    }

    /// <summary>
    /// Whether a reviewer has delivered is shown to administrators, to the reviewer itself, and to
    /// the author region once the round is closed.
    /// </summary>
    public static bool MayKnowDelivery(Reader reader, FeedbackRound round, Guid reviewerRegionId) =>
        reader.IsAdministrator || reader.IsOf(reviewerRegionId) || (round.IsClosed && reader.ReadsFor(round.AuthorRegionId));

    public static FeedbackScope FeedbackScopeOf(RoundAccess access) => access switch
    {
        { IsAdministrator: true } => FeedbackScope.All,
        { IsReviewer: true } => FeedbackScope.OwnRegions,
        { Round.IsClosed: true } => FeedbackScope.Submitted,
        _ => FeedbackScope.NotYetReleased,
    };

    /// <summary>Whether the reader sees <paramref name="feedback"/>, one of the round's, within <paramref name="scope"/>.</summary>
    public static bool MayRead(FeedbackScope scope, Reader reader, PeerFeedback feedback) => scope switch
    {
        FeedbackScope.All => true,
        FeedbackScope.OwnRegions => reader.IsOf(feedback.ReviewerRegionId),
        FeedbackScope.Submitted => feedback.IsSubmitted,
        _ => false,
    };
}
