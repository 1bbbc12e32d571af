using static KollegialtUtbyte.Meetings.Tests.Domain.SchedulingRulesTests;

namespace KollegialtUtbyte.Meetings.Tests.Domain;

/// <summary>The rules of a strategic dialogue and a member network; a programme's stay as they are.</summary>
public sealed class ExchangeRulesTests
{
    private static readonly Guid Leader = Guid.NewGuid();
    private static readonly Guid Convener = Guid.NewGuid();
    private static readonly Guid Secretary = Guid.NewGuid();

    public static ProgrammeCalendar Dialogue() => ProgrammeCalendar.Create(
        Guid.NewGuid(), "Strategiskt samtal om naturbetesmarker", new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31), 0,
        new ExchangeRoles(ExchangeFormat.StrategicDialogue, "Hur når vi Ett rikt odlingslandskap?", Leader, null, null));

    public static ProgrammeCalendar Network() => ProgrammeCalendar.Create(
        Guid.NewGuid(), "Jämställt Blekinge Nu", new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31), 0,
        new ExchangeRoles(ExchangeFormat.MemberNetwork, null, null, Convener, Secretary));

    [Fact]
    public void Each_format_starts_with_its_own_defaults()
    {
        var programme = TestMeetings.Programme();
        var dialogue = Dialogue();
        var network = Network();

        Assert.Equal((5, 6, 0.5m), (programme.Themes.Count, programme.PlannedMeetings, programme.PoliticianShare));
        Assert.Equal((0, 1, 0m), (dialogue.Themes.Count, dialogue.PlannedMeetings, dialogue.PoliticianShare));
        Assert.Equal((0, 0, 0m, true), (network.Themes.Count, network.PlannedMeetings, network.PoliticianShare, network.IsOpenEnded));
        Assert.Equal([Leader], dialogue.RoleHolders());
        Assert.Equal([Convener, Secretary], network.RoleHolders());
    }

    [Fact]
    public void A_dialogue_is_one_meeting_and_its_theme_is_its_question_when_none_is_given()
    {
        var dialogue = Dialogue();
        var others = new List<Meeting>();

        var meeting = TestMeetings.Schedule(dialogue, TestMeetings.Plan(7, ""), others);

        Assert.Equal(("Hur når vi Ett rikt odlingslandskap?", dialogue.Name), (meeting.Theme, meeting.Title));
        AssertRule("dialogue.one-meeting", () => TestMeetings.Schedule(dialogue, TestMeetings.Plan(21), others));
    }

    [Fact]
    public void A_dialogue_is_published_with_talks_by_named_speakers_and_a_workshop_with_questions()
    {
        var dialogue = Dialogue();
        var meeting = TestMeetings.Schedule(dialogue, TestMeetings.Plan(7, "Naturbetesmarker"));
        AssertRule("dialogue.talks-and-workshop", () => SchedulingRules.CheckPlanPublishable(dialogue, [meeting]));

        meeting.ReplaceAgenda([new AgendaItemDraft(AgendaItemKind.Talk, "Läget i länet", null, meeting.StartsAt, 30, null)]);
        AssertRule("dialogue.talks-and-workshop", () => SchedulingRules.CheckPlanPublishable(dialogue, [meeting]));

        meeting.ReplaceAgenda(
        [
            new AgendaItemDraft(AgendaItemKind.Talk, "Läget i länet", "Anna Lindqvist, Länsstyrelsen", meeting.StartsAt, 30, null),
            new AgendaItemDraft(AgendaItemKind.Workshop, "Workshop", null, meeting.StartsAt.AddMinutes(30), 60, ["Hur ökar vi ängsskötseln?"]),
        ]);
        SchedulingRules.CheckPlanPublishable(dialogue, [meeting]);
    }

    [Fact]
    public void A_network_numbers_its_meetings_on_without_a_planned_maximum()
    {
        var network = Network();
        var others = new List<Meeting>();

        var meetings = Enumerable.Range(1, 8).Select(week => TestMeetings.Schedule(network, TestMeetings.Plan(7 * week, ""), others)).ToList();

        Assert.Equal(Enumerable.Range(1, 8), meetings.Select(m => m.Number));
        Assert.Equal("Jämställt Blekinge Nu, träff 8", meetings[7].Title);
        SchedulingRules.CheckPlanPublishable(network, meetings);
    }

    [Fact]
    public void Only_a_programme_has_a_politicians_quota_and_only_a_network_s_protocol_is_signed()
    {
        ExchangeRules.CheckQuota(TestMeetings.Programme());
        AssertRule("exchange.no-politician-quota", () => ExchangeRules.CheckQuota(Dialogue()));
        AssertRule("exchange.no-politician-quota", () => ExchangeRules.CheckQuota(Network()));

        ExchangeRules.CheckPlainApproval(Dialogue());
        AssertRule("protocol.signature-required", () => ExchangeRules.CheckPlainApproval(Network()));
        Assert.Equal(ProtocolSignerRole.Convener, ExchangeRules.SignerRole(Network(), Convener));
        Assert.Equal(ProtocolSignerRole.Secretary, ExchangeRules.SignerRole(Network(), Secretary));
        AssertRule("protocol.signer-role", () => ExchangeRules.SignerRole(Network(), Guid.NewGuid()));
        AssertRule("protocol.signer-role", () => ExchangeRules.SignerRole(Dialogue(), Leader));
    }

    [Fact]
    public void A_protocol_binds_from_the_second_signature_and_an_edit_clears_the_signatures()
    {
        var protocol = NetworkProtocol();

        Assert.False(protocol.Sign(Convener, "Johanna Sammelin", ProtocolSignerRole.Convener, TestMeetings.Now));
        AssertRule("protocol.already-signed", () => protocol.Sign(Convener, "Johanna Sammelin", ProtocolSignerRole.Convener, TestMeetings.Now));
        AssertRule("protocol.signature-required", () => protocol.ApproveSigned([], "800-4609-2019", TestMeetings.Now));
        protocol.Edit(protocol.ToDraft() with { Summary = "Ändrad" }, TestMeetings.Now);
        Assert.Empty(protocol.Signatures);

        var second = TestMeetings.Now.AddDays(12);
        protocol.Sign(Convener, "Johanna Sammelin", ProtocolSignerRole.Convener, TestMeetings.Now.AddDays(11));
        Assert.True(protocol.Sign(Secretary, "Malin Fredriksberg", ProtocolSignerRole.Secretary, second));
        protocol.ApproveSigned([new ParticipantEntry("Malin Fredriksberg", "Region Blekinge", "strateg")], "800-4609-2019", second);

        Assert.Equal((DocumentationStatus.Approved, second, "800-4609-2019", Secretary), (protocol.Status, protocol.ApprovedAt, protocol.RegistryNumber, protocol.ApprovedByPersonId));
        Assert.Equal("Johanna Sammelin och Malin Fredriksberg", protocol.ApprovedByName);
        Assert.Null(ExchangeRules.PublishedAt(Network(), protocol));
    }

    [Fact]
    public void Changing_a_dialogue_s_calendar_demands_no_themes_and_keeps_its_single_meeting_and_no_quota()
    {
        var dialogue = Dialogue();

        dialogue.ChangeSettings(new CalendarSettings("Europe/Stockholm", [], 4, 0.5m), 0, []);

        Assert.Equal((0, 1, 0m), (dialogue.Themes.Count, dialogue.PlannedMeetings, dialogue.PoliticianShare));
        AssertRule("programme.no-themes", () => TestMeetings.Programme().ChangeSettings(new CalendarSettings("Europe/Stockholm", [], 6, 0.5m), 0, []));
    }

    [Fact]
    public void The_registry_s_format_replaces_a_seeded_calendar_s_defaults_and_later_news_keeps_it()
    {
        var calendar = ProgrammeCalendar.Create(Guid.NewGuid(), "Jämställt Blekinge Nu", new DateOnly(2019, 1, 1), new DateOnly(2021, 12, 31), 0);

        calendar.ApplyRegistry("Jämställt Blekinge Nu", new DateOnly(2019, 1, 1), new DateOnly(2021, 12, 31), 0,
            new ExchangeRoles(ExchangeFormat.MemberNetwork, null, null, Convener, Secretary), TestMeetings.Now);

        Assert.Equal((ExchangeFormat.MemberNetwork, 0, 0, Convener), (calendar.Format, calendar.Themes.Count, calendar.PlannedMeetings, calendar.ConvenerPersonId));
        Assert.False(calendar.ApplyRegistry("Gammalt namn", new DateOnly(2019, 1, 1), new DateOnly(2021, 12, 31), 0, ExchangeRoles.Programme, TestMeetings.Now.AddDays(-1)));
        Assert.Equal(ExchangeFormat.MemberNetwork, calendar.Format);
    }

    private static MeetingDocumentation NetworkProtocol()
    {
        var meeting = TestMeetings.Schedule(Network(), TestMeetings.Plan(7, ""));
        meeting.Publish(TestMeetings.Now);
        meeting.MarkHeld(meeting.StartsAt);
        var protocol = MeetingDocumentation.Start(meeting, meeting.EndsAt);
        protocol.Edit(new DocumentationDraft("Protokoll", [new PointDraft("Organisationen", "Beslutades enligt förslaget", null)], [], []), meeting.EndsAt);
        return protocol;
    }
}
