using KollegialtUtbyte.ServiceDefaults.PersonalData;

namespace KollegialtUtbyte.Feedback.Domain;

/// <summary>What the reviewers found strong from one lens.</summary>
public sealed class LensNote
{
    public required string LensCode { get; set; }

    public string? Strengths { get; set; }
}

/// <summary>A numbered suggestion from one lens, and the author region's answer to it once given.</summary>
public sealed class Suggestion
{
    public int Number { get; set; }

    public required string LensCode { get; set; }

    public required string Text { get; set; }

    public SuggestionDecision? Decision { get; set; }

    public string? ResponseNote { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public Guid? RespondedByPersonId { get; set; }
}

/// <summary>What a reviewer writes for one lens.</summary>
public sealed record LensFeedbackInput(string LensCode, string? Strengths, IReadOnlyList<string> Suggestions);

public sealed record SuggestionResponseInput(int SuggestionNumber, SuggestionDecision Decision, string? Note);

/// <summary>
/// One reviewing region's feedback in a round, written by any member of its team: per lens the
/// strengths and numbered suggestions, plus an overall summary. A draft until submitted; a
/// submission after the deadline (or after the round closed) is kept but flagged late.
/// </summary>
public sealed class PeerFeedback : IVersioned
{
    public const int SuggestionMaxLength = 4000;

    private readonly List<LensNote> _lensNotes = [];
    private readonly List<Suggestion> _suggestions = [];

    private PeerFeedback()
    {
    }

    public Guid Id { get; private set; }

    public Guid RoundId { get; private set; }

    public Guid ReviewerRegionId { get; private set; }

    public FeedbackStatus Status { get; private set; }

    public string? Summary { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid LastEditedByPersonId { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public Guid? SubmittedByPersonId { get; private set; }

    public bool Late { get; private set; }

    public long Version { get; set; }

    public IReadOnlyList<LensNote> LensNotes => _lensNotes;

    public IReadOnlyList<Suggestion> Suggestions => _suggestions;

    public bool IsSubmitted => Status == FeedbackStatus.Submitted;

    public static PeerFeedback Start(FeedbackRound round, Guid reviewerRegionId, Guid personId, DateTimeOffset now)
    {
        if (!round.IsReviewer(reviewerRegionId))
        {
            throw new RuleViolationException("feedback.not-assigned", "Regionen är inte tilldelad som granskare i omgången.");
        }

        return new PeerFeedback
        {
            Id = Guid.CreateVersion7(now),
            RoundId = round.Id,
            ReviewerRegionId = reviewerRegionId,
            Status = FeedbackStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            LastEditedByPersonId = personId,
        };
    }

    /// <summary>Replaces the draft's content. Suggestions are numbered 1, 2, … in the order of the lenses given.</summary>
    public void SaveDraft(FeedbackRound round, string? summary, IReadOnlyList<LensFeedbackInput> lenses, Guid personId, DateTimeOffset now)
    {
        if (IsSubmitted)
        {
            throw new RuleViolationException("feedback.already-submitted", "Återkopplingen är redan inlämnad och kan inte längre ändras.");
        }

        var roundLenses = round.LensCodes.ToList();
        var duplicate = lenses.GroupBy(l => l.LensCode).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RuleViolationException("feedback.duplicate-lens", $"Linsen {duplicate.Key} förekommer mer än en gång.");
        }

        var outside = lenses.Select(l => l.LensCode).Where(c => !roundLenses.Contains(c)).ToList();
        if (outside.Count > 0)
        {
            throw new RuleViolationException("feedback.lens-not-in-round",
                $"Omgången ber inte om linserna {string.Join(", ", outside)}; den ber om {string.Join(", ", roundLenses)}.");
        }

        if (lenses.SelectMany(l => l.Suggestions).Any(string.IsNullOrWhiteSpace))
        {
            throw new RuleViolationException("feedback.empty-suggestion", "Ett förslag saknar text.");
        }

        Summary = Clean(summary);
        var ordered = lenses.OrderBy(l => roundLenses.IndexOf(l.LensCode)).ToList();

        // Updated in place rather than replaced, so the owned rows keep their keys.
        _lensNotes.RemoveAll(n => !ordered.Any(l => l.LensCode == n.LensCode));
        foreach (var lens in ordered)
        {
            var note = _lensNotes.FirstOrDefault(n => n.LensCode == lens.LensCode);
            if (note is null)
            {
                _lensNotes.Add(new LensNote { LensCode = lens.LensCode, Strengths = Clean(lens.Strengths) });
            }
            else
            {
                note.Strengths = Clean(lens.Strengths);
            }
        }

        var numbered = ordered.SelectMany(l => l.Suggestions.Select(text => (l.LensCode, Text: text.Trim()))).ToList();
        _suggestions.RemoveAll(s => s.Number > numbered.Count);
        for (var i = 0; i < numbered.Count; i++)
        {
            var existing = _suggestions.FirstOrDefault(s => s.Number == i + 1);
            if (existing is null)
            {
                _suggestions.Add(new Suggestion { Number = i + 1, LensCode = numbered[i].LensCode, Text = numbered[i].Text });
            }
            else
            {
                existing.LensCode = numbered[i].LensCode;
                existing.Text = numbered[i].Text;
            }
        }

        LastEditedByPersonId = personId;
        UpdatedAt = now;
    }

    /// <summary>Hands the feedback in. Every lens of the round must be answered and a summary written.</summary>
    public void Submit(FeedbackRound round, Guid personId, DateTimeOffset now)
    {
        if (IsSubmitted)
        {
            throw new RuleViolationException("feedback.already-submitted", "Återkopplingen är redan inlämnad.");
        }

        if (!round.IsReviewer(ReviewerRegionId))
        {
            throw new RuleViolationException("feedback.not-assigned", "Regionen är inte längre tilldelad som granskare i omgången.");
        }

        var unanswered = round.LensCodes
            .Where(code => !_lensNotes.Any(n => n.LensCode == code && n.Strengths is not null) && !_suggestions.Any(s => s.LensCode == code))
            .ToList();
        if (Summary is null || unanswered.Count > 0)
        {
            var missing = new List<string>();
            if (Summary is null)
            {
                missing.Add("en sammanfattning");
            }

            if (unanswered.Count > 0)
            {
                missing.Add($"styrkor eller förslag för linserna {string.Join(", ", unanswered)}");
            }

            throw new RuleViolationException("feedback.incomplete", $"Återkopplingen saknar {string.Join(" och ", missing)}.");
        }

        Status = FeedbackStatus.Submitted;
        SubmittedAt = now;
        SubmittedByPersonId = personId;
        Late = now > round.Deadline || round.IsClosed;
        UpdatedAt = now;
    }

    /// <summary>The author region answers suggestions: adopted, partly adopted or not adopted, with a note.</summary>
    public void Respond(FeedbackRound round, IReadOnlyList<SuggestionResponseInput> responses, Guid personId, DateTimeOffset now)
    {
        if (!round.IsClosed || !IsSubmitted)
        {
            throw new RuleViolationException("response.not-released", "Återkopplingen kan besvaras först när omgången har stängts och återkopplingen är inlämnad.");
        }

        if (responses.Count == 0)
        {
            throw new RuleViolationException("response.empty", "Ange svar på minst ett förslag.");
        }

        foreach (var response in responses)
        {
            var suggestion = _suggestions.FirstOrDefault(s => s.Number == response.SuggestionNumber)
                ?? throw new RuleViolationException("response.unknown-suggestion",
                    $"Förslag nummer {response.SuggestionNumber} finns inte; återkopplingen har förslag 1–{_suggestions.Count}.");
            var note = Clean(response.Note);
            if (note is null && response.Decision != SuggestionDecision.Adopted)
            {
                throw new RuleViolationException("response.note-required",
                    $"Förslag {response.SuggestionNumber}: skriv en kommentar när förslaget bara delvis eller inte alls tas tillvara.");
            }

            suggestion.Decision = response.Decision;
            suggestion.ResponseNote = note;
            suggestion.RespondedAt = now;
            suggestion.RespondedByPersonId = personId;
        }
    }

    /// <summary>The texts stay; an erased person's name in them becomes "Borttagen person".</summary>
    public bool ForgetName(string name)
    {
        var mentioned = ErasedNames.Mentions(Summary, name)
            || _lensNotes.Any(n => ErasedNames.Mentions(n.Strengths, name))
            || _suggestions.Any(s => ErasedNames.Mentions(s.Text, name) || ErasedNames.Mentions(s.ResponseNote, name));
        if (!mentioned)
        {
            return false;
        }

        Summary = ErasedNames.ReplaceOptional(Summary, name);
        foreach (var note in _lensNotes)
        {
            note.Strengths = ErasedNames.ReplaceOptional(note.Strengths, name);
        }

        foreach (var suggestion in _suggestions)
        {
            suggestion.Text = ErasedNames.Replace(suggestion.Text, name);
            suggestion.ResponseNote = ErasedNames.ReplaceOptional(suggestion.ResponseNote, name);
        }

        return true;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
