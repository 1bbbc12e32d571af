using static KollegialtUtbyte.Meetings.Tests.Domain.SchedulingRulesTests;

namespace KollegialtUtbyte.Meetings.Tests.Domain;

/// <summary>Draft → published → held → documented, or cancelled before it is held; and what each status allows.</summary>
public sealed class MeetingLifecycleTests
{
    private readonly ProgrammeCalendar _programme = TestMeetings.Programme();

    [Fact]
    public void A_meeting_goes_from_draft_to_documented()
    {
        var meeting = TestMeetings.Schedule(_programme, TestMeetings.Plan(7));
        meeting.Publish(TestMeetings.Now);
        Assert.Equal(MeetingStatus.Published, meeting.Status);

        AssertRule("meeting.not-started", () => meeting.MarkHeld(TestMeetings.Now));
        meeting.MarkHeld(meeting.StartsAt);
        Assert.Equal(MeetingStatus.Held, meeting.Status);

        meeting.MarkDocumented(meeting.EndsAt.AddDays(3));
        Assert.Equal(MeetingStatus.Documented, meeting.Status);
    }

    [Fact]
    public void Only_a_draft_is_published_and_only_before_it_starts()
    {
        var meeting = TestMeetings.Schedule(_programme, TestMeetings.Plan(7));

        AssertRule("meeting.starts-in-the-past", () => meeting.Publish(meeting.StartsAt));
        meeting.Publish(TestMeetings.Now);
        AssertRule("meeting.not-draft", () => meeting.Publish(TestMeetings.Now));
    }

    [Fact]
    public void Holding_and_documenting_need_the_steps_before()
    {
        var draft = TestMeetings.Schedule(_programme, TestMeetings.Plan(7));

        AssertRule("meeting.not-published", () => draft.MarkHeld(draft.StartsAt));
        AssertRule("documentation.meeting-not-held", () => draft.MarkDocumented(draft.EndsAt));
        AssertRule("attendance.meeting-not-held", () => draft.RecordAttendanceTaken(draft.EndsAt));
    }

    [Fact]
    public void Taking_attendance_after_the_start_marks_a_published_meeting_held_once()
    {
        var meeting = TestMeetings.Schedule(_programme, TestMeetings.Plan(7));
        meeting.Publish(TestMeetings.Now);

        AssertRule("attendance.meeting-not-held", () => meeting.RecordAttendanceTaken(TestMeetings.Now));
        Assert.True(meeting.RecordAttendanceTaken(meeting.StartsAt.AddHours(1)));
        Assert.False(meeting.RecordAttendanceTaken(meeting.EndsAt));
        Assert.Equal(MeetingStatus.Held, meeting.Status);
    }

    [Fact]
    public void Drafts_and_published_meetings_can_be_cancelled_held_ones_cannot()
    {
        var draft = TestMeetings.Schedule(_programme, TestMeetings.Plan(7));
        draft.Cancel(" ", TestMeetings.Now);
        Assert.Equal((MeetingStatus.Cancelled, 0, null), (draft.Status, draft.Sequence, draft.CancellationReason));

        var published = TestMeetings.Schedule(_programme, TestMeetings.Plan(14));
        published.Publish(TestMeetings.Now);
        published.Cancel("Sjukdom", TestMeetings.Now);
        Assert.Equal((MeetingStatus.Cancelled, 1), (published.Status, published.Sequence));
        AssertRule("meeting.not-cancellable", () => published.Cancel(null, TestMeetings.Now));

        var held = TestMeetings.Schedule(_programme, TestMeetings.Plan(21));
        held.Publish(TestMeetings.Now);
        held.MarkHeld(held.StartsAt);
        AssertRule("meeting.not-cancellable", () => held.Cancel(null, held.EndsAt));
    }

    [Fact]
    public void Rescheduling_a_published_meeting_raises_the_sequence_only_when_something_changed()
    {
        var others = new List<Meeting>();
        var meeting = TestMeetings.Schedule(_programme, TestMeetings.Plan(7), others);
        var plan = TestMeetings.Plan(8) with { Number = meeting.Number };
        Assert.True(meeting.Reschedule(_programme, plan, TestMeetings.Context(others)));
        Assert.Equal(0, meeting.Sequence);

        meeting.Publish(TestMeetings.Now);
        Assert.False(meeting.Reschedule(_programme, plan, TestMeetings.Context(others)));
        Assert.True(meeting.Reschedule(_programme, plan with { Venue = "Luleå" }, TestMeetings.Context(others)));
        Assert.True(meeting.Reschedule(_programme, plan with { Venue = "Luleå", FacilitatorIds = [TestMeetings.Facilitator] }, TestMeetings.Context(others)));
        Assert.Equal((2, "Luleå", true), (meeting.Sequence, meeting.Venue, meeting.IsLedBy(TestMeetings.Facilitator)));

        meeting.MarkHeld(meeting.StartsAt);
        AssertRule("meeting.not-reschedulable", () => meeting.Reschedule(_programme, plan, TestMeetings.Context(others, now: meeting.StartsAt)));
    }

    [Fact]
    public void A_facilitator_removed_from_the_consultancy_may_keep_leading_a_meeting_but_not_be_added()
    {
        var others = new List<Meeting>();
        var meeting = TestMeetings.Schedule(_programme, TestMeetings.Plan(7, "Extern samverkan", TestMeetings.Facilitator), others);
        var withoutFacilitators = new SchedulingContext(TestMeetings.Now, others, others, new HashSet<Guid>());

        Assert.True(meeting.Reschedule(_programme, TestMeetings.Plan(8, "Extern samverkan", TestMeetings.Facilitator) with { Number = 1 }, withoutFacilitators));
        AssertRule("meeting.unknown-facilitator", () => meeting.Reschedule(_programme, TestMeetings.Plan(8, "Extern samverkan", TestMeetings.Facilitator, Guid.NewGuid()) with { Number = 1 }, withoutFacilitators));
    }

    [Fact]
    public void The_agenda_stays_inside_the_meeting_and_only_workshops_have_questions()
    {
        var meeting = TestMeetings.Schedule(_programme, TestMeetings.Plan(7));
        var talk = new AgendaItemDraft(AgendaItemKind.Talk, "Välkommen", "Landshövdingen", meeting.StartsAt, 15, null);

        meeting.ReplaceAgenda([talk, new AgendaItemDraft(AgendaItemKind.Workshop, "Workshop", null, meeting.EndsAt.AddHours(-2), 120, [" Hur fortsätter vi? ", ""])]);
        Assert.Equal(["Hur fortsätter vi?"], meeting.Agenda[1].Questions);
        Assert.Equal(meeting.EndsAt.AddHours(-2), meeting.Agenda[1].StartsAt(meeting));

        AssertRule("agenda.item-outside-meeting", () => meeting.ReplaceAgenda([talk with { DurationMinutes = 7 * 60 }]));
        AssertRule("agenda.questions-only-for-workshops", () => meeting.ReplaceAgenda([talk with { Questions = ["Fråga?"] }]));
        AssertRule("agenda.item-without-duration", () => meeting.ReplaceAgenda([talk with { DurationMinutes = 0 }]));
        Assert.Equal(2, meeting.Agenda.Count);

        meeting.Cancel(null, TestMeetings.Now);
        AssertRule("agenda.not-editable", () => meeting.ReplaceAgenda([talk]));
    }

    [Fact]
    public void An_invitation_answers_until_the_start_and_its_link_keeps_working_until_then()
    {
        var meeting = TestMeetings.Schedule(_programme, TestMeetings.Plan(7));
        meeting.Publish(TestMeetings.Now);
        var (invitation, token) = Invitation.Issue(meeting, Guid.NewGuid(), Guid.NewGuid(), TeamRole.Politician, TestMeetings.Now);

        Assert.True(SecretToken.IsWellFormed(token));
        Assert.Equal(SecretToken.Hash(token), invitation.AnswerTokenHash);
        Assert.Equal(meeting.StartsAt, invitation.AnswerTokenExpiresAt);
        Assert.Equal(AnswerLinkProblem.None, invitation.CheckAnswerLink(meeting, TestMeetings.Now));

        invitation.AnswerByLink(InvitationAnswer.Accepted, " Gärna ", meeting, TestMeetings.Now);
        Assert.Equal((InvitationAnswer.Accepted, "Gärna"), (invitation.Answer, invitation.Comment));
        Assert.Equal(AnswerLinkProblem.None, invitation.CheckAnswerLink(meeting, TestMeetings.Now));
        invitation.AnswerByLink(InvitationAnswer.Tentative, null, meeting, TestMeetings.Now.AddMinutes(1));
        Assert.Equal((InvitationAnswer.Tentative, null), (invitation.Answer, invitation.Comment));

        invitation.AnswerAs(InvitationAnswer.Declined, null, meeting, TestMeetings.Now);
        Assert.Equal(InvitationAnswer.Declined, invitation.Answer);
        AssertRule("invitation.meeting-started", () => invitation.AnswerAs(InvitationAnswer.Accepted, null, meeting, meeting.StartsAt));
        AssertRule("invitation.answer-required", () => invitation.AnswerAs(InvitationAnswer.Pending, null, meeting, TestMeetings.Now));
    }

    [Fact]
    public void An_answer_link_expires_and_a_withdrawn_invitation_is_reissued_with_a_new_one()
    {
        var meeting = TestMeetings.Schedule(_programme, TestMeetings.Plan(7));
        meeting.Publish(TestMeetings.Now);
        var (invitation, token) = Invitation.Issue(meeting, Guid.NewGuid(), null, null, TestMeetings.Now);

        Assert.Equal(AnswerLinkProblem.Expired, invitation.CheckAnswerLink(meeting, meeting.StartsAt));
        invitation.Withdraw(TestMeetings.Now);
        Assert.Equal(AnswerLinkProblem.Withdrawn, invitation.CheckAnswerLink(meeting, TestMeetings.Now));
        AssertRule("invitation.withdrawn", () => invitation.AnswerAs(InvitationAnswer.Accepted, null, meeting, TestMeetings.Now));

        AssertRule("attendance.invitation-withdrawn", () => invitation.RecordAttendance(AttendanceStatus.Present, Guid.NewGuid(), meeting.StartsAt));

        var again = invitation.Reissue(meeting, null, TeamRole.KeyOfficial, TestMeetings.Now);
        Assert.NotEqual(token, again);
        Assert.Equal((true, InvitationAnswer.Pending, TeamRole.KeyOfficial), (invitation.IsActive, invitation.Answer, invitation.Role));
        Assert.Throws<InvalidOperationException>(() => invitation.Reissue(meeting, null, null, TestMeetings.Now));
    }
}
