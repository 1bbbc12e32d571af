using static KollegialtUtbyte.Meetings.Tests.Domain.SchedulingRulesTests;

namespace KollegialtUtbyte.Meetings.Tests.Domain;

/// <summary>The protocol of seed 004: numbered points, approval that freezes it, corrections as new revisions.</summary>
public sealed class DocumentationTests
{
    private static readonly Guid Approver = Guid.NewGuid();

    [Fact]
    public void Points_are_numbered_from_their_order_one_level_under_another()
    {
        var documentation = Draft();

        documentation.Edit(Protocol(), TestMeetings.Now);

        Assert.Equal(["1", "1.1", "1.2", "1.2.1", "2"], documentation.Points.OrderBy(p => p.Position).Select(p => p.Number));
        Assert.Equal([1, 2, 2, 3, 1], documentation.Points.OrderBy(p => p.Position).Select(p => p.Level));
        Assert.Equal("Organisationen beslutades enligt förslaget", documentation.Points.Single(p => p.Number == "1").Decision);
        Assert.Equal(Protocol().Points.Count, documentation.ToDraft().Points.Count);
        Assert.Equal("Inriktning", documentation.ToDraft().Points[0].SubPoints![1].Text);
    }

    [Fact]
    public void Points_nest_at_most_three_levels()
    {
        var tooDeep = new PointDraft("1", null, [new("1.1", null, [new("1.1.1", null, [new("1.1.1.1", null, null)])])]);

        AssertRule("documentation.points-too-deep", () => Draft().Edit(Protocol() with { Points = [tooDeep] }, TestMeetings.Now));
    }

    [Fact]
    public void Approved_documentation_is_immutable()
    {
        var documentation = Draft();
        documentation.Edit(Protocol(), TestMeetings.Now);

        documentation.Approve([new ParticipantEntry("Engla Västerholm", "Sölvesborgs kommun", "strateg")], Approver, "Johanna Administratör", "KU-2021-001", TestMeetings.Now);

        Assert.Equal((DocumentationStatus.Approved, "Johanna Administratör", TestMeetings.Now, "KU-2021-001"), (documentation.Status, documentation.ApprovedByName, documentation.ApprovedAt, documentation.RegistryNumber));
        Assert.Equal("Sölvesborgs kommun", documentation.Participants.Single().Organisation);
        AssertRule("documentation.approved-is-immutable", () => documentation.Edit(Protocol() with { Summary = "Ändrad" }, TestMeetings.Now));
        AssertRule("documentation.approved-is-immutable", () => documentation.Approve([], Approver, "Någon annan", "KU-2021-002", TestMeetings.Now));
        Assert.Equal(("KU-2021-001", "Protokoll"), (documentation.RegistryNumber, documentation.Summary));
    }

    [Fact]
    public void An_approved_protocols_points_cannot_be_changed_in_memory_either()
    {
        var documentation = Draft();
        documentation.Edit(Protocol(), TestMeetings.Now);
        documentation.Approve([new ParticipantEntry("Engla Västerholm", "Sölvesborgs kommun", "strateg")], Approver, "Johanna Administratör", "KU-2021-001", TestMeetings.Now);
        var approvedPoints = documentation.Points.Select(p => (p.Number, p.Text, p.Decision)).ToList();

        // What the type exposes is a view: casting it back to a list does not open a way around approval.
        var points = Assert.IsAssignableFrom<ICollection<DocumentationPoint>>(documentation.Points);
        Assert.Throws<NotSupportedException>(points.Clear);
        Assert.Throws<NotSupportedException>(() => Assert.IsAssignableFrom<ICollection<DocumentationParticipant>>(documentation.Participants).Clear());
        Assert.Throws<NotSupportedException>(() => Assert.IsAssignableFrom<ICollection<WorkshopOutcome>>(documentation.WorkshopOutcomes).Clear());
        Assert.Throws<NotSupportedException>(() => Assert.IsAssignableFrom<ICollection<DocumentationAttachment>>(documentation.Attachments).Clear());

        // The only ways to change them refuse approved documentation.
        AssertRule("documentation.approved-is-immutable", () => documentation.Edit(Protocol() with { Points = [new PointDraft("Ny punkt", null, null)] }, TestMeetings.Now));
        Assert.False(documentation.ForgetName("Engla Västerholm", TestMeetings.Now));

        Assert.Equal(approvedPoints, documentation.Points.Select(p => (p.Number, p.Text, p.Decision)));
        Assert.Equal("Engla Västerholm", documentation.Participants.Single().Name);
    }

    [Fact]
    public void Approval_needs_points_and_a_named_approver()
    {
        AssertRule("documentation.no-points", () => Draft().Approve([], Approver, "Johanna", "KU-1", TestMeetings.Now));
        var documentation = Draft();
        documentation.Edit(Protocol(), TestMeetings.Now);
        AssertRule("documentation.approver-unnamed", () => documentation.Approve([], Approver, " ", "KU-1", TestMeetings.Now));
    }

    [Fact]
    public void A_correction_is_a_new_draft_revision_with_the_same_content_and_the_approved_one_stays()
    {
        var approved = Draft();
        approved.Edit(Protocol(), TestMeetings.Now);
        AssertRule("documentation.not-approved", () => approved.Correct("Stavfel", 2, TestMeetings.Now));
        approved.Approve([], Approver, "Johanna", "KU-2021-001", TestMeetings.Now);

        var correction = approved.Correct("Stavfel i punkt 1", 2, TestMeetings.Now.AddDays(1));
        correction.Edit(Protocol() with { Summary = "Rättat protokoll" }, TestMeetings.Now.AddDays(1));

        Assert.Equal((2, DocumentationStatus.Draft, "Stavfel i punkt 1", "Rättat protokoll"), (correction.Revision, correction.Status, correction.CorrectionReason, correction.Summary));
        Assert.Equal(approved.Points.Select(p => p.Number), correction.Points.Select(p => p.Number));
        Assert.Equal(("Protokoll", DocumentationStatus.Approved), (approved.Summary, approved.Status));
        AssertRule("documentation.correction-reason-required", () => approved.Correct(" ", 3, TestMeetings.Now));
    }

    [Fact]
    public void Documentation_starts_after_the_meeting_with_the_workshop_questions_of_the_agenda()
    {
        var programme = TestMeetings.Programme();
        var meeting = TestMeetings.Schedule(programme, TestMeetings.Plan(7));
        meeting.ReplaceAgenda([new AgendaItemDraft(AgendaItemKind.Workshop, "Workshop", null, meeting.StartsAt, 60, ["Hur fortsätter vi?", "Hur får vi med männen?"])]);
        meeting.Publish(TestMeetings.Now);

        AssertRule("documentation.meeting-not-held", () => MeetingDocumentation.Start(meeting, TestMeetings.Now));
        meeting.MarkHeld(meeting.StartsAt);
        var documentation = MeetingDocumentation.Start(meeting, meeting.EndsAt);

        Assert.Equal(["Hur fortsätter vi?", "Hur får vi med männen?"], documentation.WorkshopOutcomes.OrderBy(o => o.Position).Select(o => o.Question));
        Assert.Equal(1, documentation.Revision);
    }

    private static MeetingDocumentation Draft()
    {
        var programme = TestMeetings.Programme();
        var meeting = TestMeetings.Schedule(programme, TestMeetings.Plan(7));
        meeting.Publish(TestMeetings.Now);
        meeting.MarkHeld(meeting.StartsAt);
        return MeetingDocumentation.Start(meeting, meeting.EndsAt);
    }

    private static DocumentationDraft Protocol() => new(
        "Protokoll",
        [
            new PointDraft("Organisationen", "Organisationen beslutades enligt förslaget", [
                new PointDraft("Syfte", null, null),
                new PointDraft("Inriktning", null, [new PointDraft("Kompetensförsörjning", null, null)]),
            ]),
            new PointDraft("Likabehandlingsutbildning", null, null),
        ],
        [new WorkshopOutcomeDraft("Hur fortsätter vi?", "Med en basutbildning.")],
        [new AttachmentDraft("Organisationsbeskrivning Nätverket Jämställt Blekinge Nu", null)]);
}
