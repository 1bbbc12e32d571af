using KollegialtUtbyte.Feedback.ApiContracts;
using KollegialtUtbyte.Feedback.Domain;
using KollegialtUtbyte.SharedKernel;
using static KollegialtUtbyte.Feedback.Tests.Domain.DomainSamples;

namespace KollegialtUtbyte.Feedback.Tests.Domain;

/// <summary>The rules of rounds and feedback, without a database.</summary>
public sealed class FeedbackRulesTests
{
    [Fact]
    public void A_round_needs_a_future_deadline_and_known_lenses()
    {
        var (document, version) = Draft();

        Assert.Equal("round.deadline-not-in-future", Refused(() => FeedbackRound.Open(document, version, Guid.NewGuid(), Now, ["gt-larandecykel"], Catalogue, 2, Guid.NewGuid(), Now)));
        Assert.Equal("round.unknown-lens", Refused(() => FeedbackRound.Open(document, version, Guid.NewGuid(), Now.AddDays(7), ["sdg-99"], Catalogue, 2, Guid.NewGuid(), Now)));
        Assert.Equal("round.lens-required", Refused(() => FeedbackRound.Open(document, version, Guid.NewGuid(), Now.AddDays(7), [" "], Catalogue, 2, Guid.NewGuid(), Now)));
    }

    [Fact]
    public void Suggestions_are_numbered_across_lenses_in_the_rounds_order()
    {
        var round = AssignedRound();
        var feedback = PeerFeedback.Start(round, ReviewerB, Guid.NewGuid(), Now);

        feedback.SaveDraft(round, "Sammanfattning", [
            new LensFeedbackInput("tema-hallbar-styrning", null, ["Förankra hos politiken"]),
            new LensFeedbackInput("gt-forandringslogik", "Tydliga mål", ["Beskriv resurserna", "Lägg till uppföljning"]),
        ], Guid.NewGuid(), Now);

        Assert.Equal(
            [(1, "gt-forandringslogik"), (2, "gt-forandringslogik"), (3, "tema-hallbar-styrning")],
            feedback.Suggestions.OrderBy(s => s.Number).Select(s => (s.Number, s.LensCode)));
    }

    [Fact]
    public void Feedback_is_submitted_only_when_every_lens_and_the_summary_are_written()
    {
        var round = AssignedRound();
        var feedback = PeerFeedback.Start(round, ReviewerB, Guid.NewGuid(), Now);
        feedback.SaveDraft(round, null, [new LensFeedbackInput("gt-forandringslogik", "Tydliga mål", [])], Guid.NewGuid(), Now);

        var refusal = Assert.Throws<RuleViolationException>(() => feedback.Submit(round, Guid.NewGuid(), Now));

        Assert.Equal("feedback.incomplete", refusal.Rule);
        Assert.Contains("sammanfattning", refusal.Message);
        Assert.Contains("tema-hallbar-styrning", refusal.Message);
        Assert.False(feedback.IsSubmitted);
    }

    [Fact]
    public void A_submission_after_the_deadline_is_kept_and_flagged_late()
    {
        var round = AssignedRound();
        var onTime = Complete(round, ReviewerB);
        var late = Complete(round, ReviewerC);

        onTime.Submit(round, Guid.NewGuid(), round.Deadline);
        late.Submit(round, Guid.NewGuid(), round.Deadline.AddMinutes(1));

        Assert.False(onTime.Late);
        Assert.True(late.Late);
        Assert.Equal("feedback.already-submitted", Refused(() => late.SaveDraft(round, "ändrad", [], Guid.NewGuid(), Now)));
    }

    [Fact]
    public void Answers_need_a_closed_round_and_a_note_unless_the_suggestion_is_adopted()
    {
        var round = AssignedRound();
        var feedback = Complete(round, ReviewerB);
        feedback.Submit(round, Guid.NewGuid(), Now);

        Assert.Equal("response.not-released", Refused(() => feedback.Respond(round, [new SuggestionResponseInput(1, SuggestionDecision.Adopted, null)], Guid.NewGuid(), Now)));

        round.Close(FeedbackRoundCloseReason.DeadlineReached, Now.AddDays(8));
        Assert.Equal("response.note-required", Refused(() => feedback.Respond(round, [new SuggestionResponseInput(1, SuggestionDecision.NotAdopted, " ")], Guid.NewGuid(), Now)));
        Assert.Equal("response.unknown-suggestion", Refused(() => feedback.Respond(round, [new SuggestionResponseInput(9, SuggestionDecision.Adopted, null)], Guid.NewGuid(), Now)));

        feedback.Respond(round, [
            new SuggestionResponseInput(1, SuggestionDecision.Adopted, null),
            new SuggestionResponseInput(2, SuggestionDecision.PartlyAdopted, "Resurserna beskrivs i handlingsplanen."),
        ], Guid.NewGuid(), Now.AddDays(9));
        Assert.Equal([SuggestionDecision.Adopted, SuggestionDecision.PartlyAdopted], feedback.Suggestions.OrderBy(s => s.Number).Select(s => s.Decision!.Value));
    }

    [Fact]
    public void An_override_keeps_to_the_conflict_rule_and_keeps_regions_that_delivered()
    {
        var round = AssignedRound();
        var programme = new HashSet<Guid> { Author, ReviewerB, ReviewerC };
        var outsider = Guid.NewGuid();

        Assert.Equal("assignment.own-region", Refused(() => round.OverrideReviewers([Author, ReviewerB], programme, new HashSet<Guid>(), Now)));
        Assert.Equal("assignment.not-in-programme", Refused(() => round.OverrideReviewers([outsider, ReviewerB], programme, new HashSet<Guid>(), Now)));
        Assert.Equal("assignment.feedback-already-submitted", Refused(() => round.OverrideReviewers([ReviewerC], programme, new HashSet<Guid> { ReviewerB }, Now)));
        Assert.Equal(new[] { ReviewerB, ReviewerC }.Order(), round.ReviewerRegionIds.Order());
    }

    private static PeerFeedback Complete(FeedbackRound round, Guid region)
    {
        var feedback = PeerFeedback.Start(round, region, Guid.NewGuid(), Now);
        feedback.SaveDraft(round, "Sammanfattning", [
            new LensFeedbackInput("gt-forandringslogik", "Tydliga mål", ["Beskriv resurserna"]),
            new LensFeedbackInput("tema-hallbar-styrning", null, ["Förankra hos politiken"]),
        ], Guid.NewGuid(), Now);
        return feedback;
    }

    private static string Refused(Action action) => Assert.Throws<RuleViolationException>(action).Rule;

    private static string Refused(Func<object> action) => Assert.Throws<RuleViolationException>(() => action()).Rule;
}
