using KollegialtUtbyte.ServiceDefaults.PersonalData;

namespace KollegialtUtbyte.Feedback.Domain;

/// <summary>
/// One of a region team's priorities for the programme (seed 003: "Prioritering 1: …"), with the
/// results recorded under it over time and the feedback the region received that served it: a
/// reviewer's whole feedback, or one suggestion the region answered.
/// </summary>
public sealed class RegionPriority : IVersioned
{
    private RegionPriority()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public Guid RegionId { get; private set; }

    /// <summary>1, 2, … in the order the team recorded them.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedByPersonId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public List<PriorityResult> Results { get; private set; } = [];

    public List<PriorityFeedbackLink> FeedbackLinks { get; private set; } = [];

    public long Version { get; set; }

    /// <summary>An erased person's name in the priority or its results becomes "Borttagen person".</summary>
    public bool ForgetName(string name)
    {
        if (!ErasedNames.Mentions(Title, name) && !ErasedNames.Mentions(Description, name) && !Results.Any(r => ErasedNames.Mentions(r.Text, name)))
        {
            return false;
        }

        Title = ErasedNames.Replace(Title, name);
        Description = ErasedNames.ReplaceOptional(Description, name);
        Results.ForEach(r => r.Text = ErasedNames.Replace(r.Text, name));
        return true;
    }

    public static RegionPriority Record(Guid programmeId, Guid regionId, int number, string title, string? description, Guid personId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new RuleViolationException("priorities.title-required", "Ge prioriteringen en rubrik.");
        }

        return new RegionPriority
        {
            Id = Guid.CreateVersion7(now),
            ProgrammeId = programmeId,
            RegionId = regionId,
            Number = number,
            Title = title.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            CreatedAt = now,
            CreatedByPersonId = personId,
            UpdatedAt = now,
        };
    }

    /// <summary>A result under the priority, optionally pointing at a version of the region's own strategy document or at a meeting.</summary>
    public PriorityResult AddResult(string text, DateOnly achievedOn, StrategyDocument? document, int? versionNumber, Guid? meetingId, Guid personId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RuleViolationException("priorities.result-text-required", "Beskriv resultatet.");
        }

        if (versionNumber is not null && document is null)
        {
            throw new RuleViolationException("priorities.version-without-document", "En version anges tillsammans med sitt dokument.");
        }

        if (document is not null)
        {
            if (document.RegionId != RegionId)
            {
                throw new RuleViolationException("priorities.document-of-another-region", "Resultat länkar till regionens egna styrdokument.");
            }

            if (versionNumber is { } number && (number < 1 || number > document.LatestVersionNumber))
            {
                throw new RuleViolationException("priorities.unknown-version", $"Dokumentet har ingen version {number}.");
            }
        }

        var result = new PriorityResult
        {
            Id = Guid.CreateVersion7(now),
            Position = Results.Count,
            Text = text.Trim(),
            AchievedOn = achievedOn,
            DocumentId = document?.Id,
            DocumentVersionNumber = versionNumber,
            MeetingId = meetingId,
            RecordedAt = now,
            RecordedByPersonId = personId,
        };
        Results.Add(result);
        UpdatedAt = now;
        return result;
    }

    /// <summary>
    /// Links feedback the region received, once released: a reviewer's whole feedback
    /// (<paramref name="suggestionNumber"/> null) or one of its suggestions.
    /// </summary>
    public PriorityFeedbackLink LinkFeedback(FeedbackRound round, PeerFeedback feedback, int? suggestionNumber, Guid personId, DateTimeOffset now)
    {
        if (round.AuthorRegionId != RegionId || feedback.RoundId != round.Id)
        {
            throw new RuleViolationException("priorities.feedback-of-another-region", "Bara återkoppling som regionen själv har fått länkas till dess prioriteringar.");
        }

        if (round.Status != RoundStatus.Closed || !feedback.IsSubmitted)
        {
            throw new RuleViolationException("priorities.feedback-not-released", "Återkopplingen länkas när den är lämnad och släppt till regionen.");
        }

        if (suggestionNumber is { } number && feedback.Suggestions.All(s => s.Number != number))
        {
            throw new RuleViolationException("priorities.suggestion-not-found", $"Återkopplingen har inget förslag {number}.");
        }

        if (FeedbackLinks.Any(l => l.RoundId == round.Id && l.ReviewerRegionId == feedback.ReviewerRegionId && l.SuggestionNumber == suggestionNumber))
        {
            throw new RuleViolationException("priorities.feedback-already-linked", "Återkopplingen är redan länkad till prioriteringen.");
        }

        var link = new PriorityFeedbackLink
        {
            Id = Guid.CreateVersion7(now),
            Position = FeedbackLinks.Count,
            RoundId = round.Id,
            ReviewerRegionId = feedback.ReviewerRegionId,
            SuggestionNumber = suggestionNumber,
            LinkedAt = now,
            LinkedByPersonId = personId,
        };
        FeedbackLinks.Add(link);
        UpdatedAt = now;
        return link;
    }
}

public sealed class PriorityResult
{
    public Guid Id { get; set; }

    public int Position { get; set; }

    public string Text { get; set; } = "";

    public DateOnly AchievedOn { get; set; }

    public Guid? DocumentId { get; set; }

    public int? DocumentVersionNumber { get; set; }

    /// <summary>A meeting of the Meetings service, by its id.</summary>
    public Guid? MeetingId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public Guid RecordedByPersonId { get; set; }
}

public sealed class PriorityFeedbackLink
{
    public Guid Id { get; set; }

    public int Position { get; set; }

    public Guid RoundId { get; set; }

    public Guid ReviewerRegionId { get; set; }

    /// <summary>One suggestion of the feedback; null for the feedback as a whole.</summary>
    public int? SuggestionNumber { get; set; }

    public DateTimeOffset LinkedAt { get; set; }

    public Guid LinkedByPersonId { get; set; }
}
