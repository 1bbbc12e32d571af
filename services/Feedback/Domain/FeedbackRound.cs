namespace KollegialtUtbyte.Feedback.Domain;

/// <summary>A lens the round asks its reviewers to answer, in the order the author chose.</summary>
public sealed class RoundLens
{
    public required string LensCode { get; set; }

    public int Position { get; set; }
}

public sealed class RoundReviewer
{
    public Guid RegionId { get; set; }

    public AssignmentSource Source { get; set; }

    public DateTimeOffset AssignedAt { get; set; }
}

/// <summary>
/// A request for feedback on one version of a document: which lenses to answer, by when, and
/// how many other regions should review it. Feedback is released to the author region only when
/// the round closes.
/// </summary>
public sealed class FeedbackRound : IVersioned
{
    private readonly List<RoundLens> _lenses = [];
    private readonly List<RoundReviewer> _reviewers = [];

    private FeedbackRound()
    {
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    public Guid VersionId { get; private set; }

    public int VersionNumber { get; private set; }

    /// <summary>The programme whose regions form the reviewer pool.</summary>
    public Guid ProgrammeId { get; private set; }

    public Guid AuthorRegionId { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public int ReviewerCount { get; private set; }

    public RoundStatus Status { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public Guid OpenedByPersonId { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public FeedbackRoundCloseReason? CloseReason { get; private set; }

    public long Version { get; set; }

    public IReadOnlyList<RoundLens> Lenses => _lenses;

    public IReadOnlyList<RoundReviewer> Reviewers => _reviewers;

    public IReadOnlyList<string> LensCodes => [.. _lenses.OrderBy(l => l.Position).Select(l => l.LensCode)];

    public IReadOnlyList<Guid> ReviewerRegionIds => [.. _reviewers.Select(r => r.RegionId).Order()];

    public bool IsClosed => Status == RoundStatus.Closed;

    public static FeedbackRound Open(
        StrategyDocument document,
        DocumentVersion version,
        Guid programmeId,
        DateTimeOffset deadline,
        IReadOnlyList<string> lensCodes,
        IReadOnlySet<string> knownLensCodes,
        int reviewerCount,
        Guid personId,
        DateTimeOffset now)
    {
        if (deadline <= now)
        {
            throw new RuleViolationException("round.deadline-not-in-future",
                $"Sista dag för återkoppling ({deadline:yyyy-MM-dd HH:mm} UTC) måste ligga efter nu ({now:yyyy-MM-dd HH:mm} UTC).");
        }

        var lenses = lensCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (lenses.Count == 0)
        {
            throw new RuleViolationException("round.lens-required", "Välj minst en lins som granskarna ska svara utifrån.");
        }

        var unknown = lenses.Where(c => !knownLensCodes.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolationException("round.unknown-lens",
                $"Okända linser: {string.Join(", ", unknown)}. Linserna finns i katalogen (Gröna tråden, Agenda 2030, programmets teman).");
        }

        if (reviewerCount is < 1 or > FeedbackLimits.MaxReviewerCount)
        {
            throw new RuleViolationException("round.reviewer-count", $"Antalet granskande regioner ska vara mellan 1 och {FeedbackLimits.MaxReviewerCount}.");
        }

        var round = new FeedbackRound
        {
            Id = Guid.CreateVersion7(now),
            DocumentId = document.Id,
            VersionId = version.Id,
            VersionNumber = version.Number,
            ProgrammeId = programmeId,
            AuthorRegionId = document.RegionId,
            Deadline = deadline,
            ReviewerCount = reviewerCount,
            Status = RoundStatus.AwaitingReviewers,
            OpenedAt = now,
            OpenedByPersonId = personId,
        };
        round._lenses.AddRange(lenses.Select((code, i) => new RoundLens { LensCode = code, Position = i }));
        return round;
    }

    public bool IsReviewer(Guid regionId) => _reviewers.Any(r => r.RegionId == regionId);

    public bool IsDue(DateTimeOffset now) => Status != RoundStatus.Closed && Deadline <= now;

    /// <summary>Staffs the round with the solver's choice.</summary>
    public void AssignReviewers(IReadOnlyCollection<Guid> regionIds, DateTimeOffset now)
    {
        if (Status != RoundStatus.AwaitingReviewers)
        {
            throw new RuleViolationException("round.already-assigned", "Omgången har redan granskande regioner.");
        }

        if (regionIds.Count != ReviewerCount || regionIds.Distinct().Count() != regionIds.Count || regionIds.Contains(AuthorRegionId))
        {
            throw new InvalidOperationException("The solver returned an assignment that breaks the round's conditions.");
        }

        _reviewers.AddRange(regionIds.Select(r => new RoundReviewer { RegionId = r, Source = AssignmentSource.Solver, AssignedAt = now }));
        Status = RoundStatus.Open;
    }

    /// <summary>
    /// An administrator's choice of reviewing regions, held to the same conflict rule as the solver
    /// (<see cref="ReviewerEligibility"/>). A region that already submitted its feedback stays.
    /// </summary>
    public (IReadOnlyList<Guid> Added, IReadOnlyList<Guid> Removed) OverrideReviewers(
        IReadOnlyCollection<Guid> regionIds,
        IReadOnlySet<Guid> programmeRegionIds,
        IReadOnlySet<Guid> regionsThatSubmitted,
        DateTimeOffset now)
    {
        if (IsClosed)
        {
            throw new RuleViolationException("round.closed", "Omgången är stängd; granskarna kan inte längre ändras.");
        }

        var wanted = regionIds.Distinct().ToList();
        if (wanted.Count == 0 || wanted.Count > FeedbackLimits.MaxReviewerCount)
        {
            throw new RuleViolationException("round.reviewer-count", $"Antalet granskande regioner ska vara mellan 1 och {FeedbackLimits.MaxReviewerCount}.");
        }

        foreach (var region in wanted)
        {
            ReviewerEligibility.Ensure(AuthorRegionId, region, programmeRegionIds);
        }

        var removed = _reviewers.Where(r => !wanted.Contains(r.RegionId)).Select(r => r.RegionId).ToList();
        var keptBecauseSubmitted = removed.Where(regionsThatSubmitted.Contains).ToList();
        if (keptBecauseSubmitted.Count > 0)
        {
            throw new RuleViolationException("assignment.feedback-already-submitted",
                "En region som redan har lämnat sin återkoppling kan inte tas bort från omgången.");
        }

        var added = wanted.Where(r => !IsReviewer(r)).ToList();
        _reviewers.RemoveAll(r => removed.Contains(r.RegionId));
        _reviewers.AddRange(added.Select(r => new RoundReviewer { RegionId = r, Source = AssignmentSource.Administrator, AssignedAt = now }));
        ReviewerCount = wanted.Count;
        Status = RoundStatus.Open;
        return (added, removed);
    }

    public void Close(FeedbackRoundCloseReason reason, DateTimeOffset now)
    {
        if (IsClosed)
        {
            throw new RuleViolationException("round.closed", "Omgången är redan stängd.");
        }

        Status = RoundStatus.Closed;
        ClosedAt = now;
        CloseReason = reason;
    }
}

/// <summary>
/// The one conflict rule for reviewers, used by the solver's candidate lists and by an
/// administrator's override alike: a region never reviews its own document, and only regions
/// taking part in the round's programme review.
/// </summary>
public static class ReviewerEligibility
{
    public static bool IsEligible(Guid authorRegionId, Guid regionId, IReadOnlySet<Guid> programmeRegionIds) =>
        regionId != authorRegionId && programmeRegionIds.Contains(regionId);

    public static void Ensure(Guid authorRegionId, Guid regionId, IReadOnlySet<Guid> programmeRegionIds)
    {
        if (regionId == authorRegionId)
        {
            throw new RuleViolationException("assignment.own-region", "En region kan inte granska sitt eget dokument.");
        }

        if (!programmeRegionIds.Contains(regionId))
        {
            throw new RuleViolationException("assignment.not-in-programme",
                $"Regionen {regionId} deltar inte i programmet och kan inte granska i omgången.");
        }
    }
}
