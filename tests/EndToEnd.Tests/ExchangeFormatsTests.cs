using KollegialtUtbyte.ApiContracts;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Meetings.ApiContracts;
using KollegialtUtbyte.Regions.ApiContracts;

namespace KollegialtUtbyte.EndToEnd.Tests;

/// <summary>
/// The other two exchange formats on the distributed suite, only through the gateway and with the
/// typed clients the portal uses: an administrator runs a strategic dialogue (invited because of its
/// question, led by the governor, talks and a workshop, documentation published) and a member
/// network meeting whose protocol with numbered decisions the convener and the secretary sign.
/// Each format's broken rule answers 422 naming the rule.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ExchangeFormatsTests(DistributedSuite suite)
{
    private static readonly Guid Kronoberg = Guid.Parse("f7583c3f-ac9b-5a4c-99ec-27e155a8594f");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_runs_a_strategic_dialogue_led_by_the_governor_and_publishes_its_documentation()
    {
        using var adminHttp = await suite.ClientAsync(DistributedSuite.AdministratorEmail, suite.AdministratorPassword);
        var regions = new RegionsApi(adminHttp);
        var meetings = new MeetingsApi(adminHttp);
        var run = Guid.NewGuid().ToString("N")[..8];

        // The people the question concerns: the governor, a municipality and a company.
        var countyBoard = await OrganisationAsync(regions, $"Länsstyrelsen {run}", OrganisationKind.Authority);
        var municipality = await OrganisationAsync(regions, $"Betesby kommun {run}", OrganisationKind.Municipality);
        var company = await OrganisationAsync(regions, $"Ängsgården AB {run}", OrganisationKind.Company);
        var governor = await PersonAsync(regions, "Gunnar Landshövding", "landshovding", countyBoard, "Landshövding");
        var planner = await PersonAsync(regions, "Maja Miljöstrateg", "miljostrateg", municipality, "Miljöstrateg");
        var farmer = await PersonAsync(regions, "Bertil Betesbrukare", "betesbrukare", company, "Lantbrukare");

        // A dialogue is about one question and is led by a named leader.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var name = $"Strategiskt samtal om betesmarker {run}";
        const string question = "Hur vänder vi den negativa trenden för länets naturbetesmarker och ängar?";
        Refused(await regions.RegisterProgrammeAsync(new RegisterProgrammeRequest(name, today, today.AddDays(30), null, ExchangeFormat.StrategicDialogue, null, governor.Id), Ct),
            "exchange.dialogue-question-required");
        Refused(await regions.RegisterProgrammeAsync(new RegisterProgrammeRequest(name, today, today.AddDays(30), null, ExchangeFormat.StrategicDialogue, question), Ct),
            "exchange.dialogue-leader-required");
        var dialogue = Ok(await regions.RegisterProgrammeAsync(
            new RegisterProgrammeRequest(name, today, today.AddDays(30), null, ExchangeFormat.StrategicDialogue, question, governor.Id), Ct), "registering the dialogue");
        Assert.Equal(ExchangeFormat.StrategicDialogue, dialogue.Format);
        Assert.Equal(question, dialogue.Question);
        Assert.Equal(governor.Id, dialogue.Leader?.PersonId);

        // No teams in a dialogue; the participants are invited because of the question.
        Refused(await regions.JoinProgrammeAsync(dialogue.Id, new JoinProgrammeRequest(Kronoberg), Ct), "exchange.no-teams");
        foreach (var person in new[] { planner, farmer })
        {
            Ok(await regions.AddExchangeParticipantAsync(dialogue.Id, new AddExchangeParticipantRequest(person.Id), Ct), $"inviting {person.Name}");
        }

        var participants = Ok(await regions.ExchangeParticipantsAsync(dialogue.Id, Ct), "the participants");
        Assert.Contains(participants, p => p.PersonId == farmer.Id && p.OrganisationKind == OrganisationKind.Company && p.OrganisationName == company.Name);

        // Meetings knows the dialogue: no themes, no politicians' quota, one meeting.
        var calendar = await Eventually.UntilAsync(
            async () => await meetings.ProgrammeAsync(dialogue.Id, Ct),
            result => result.Succeeded && result.Value!.Format == ExchangeFormat.StrategicDialogue,
            "Meetings knows the dialogue");
        Assert.Empty(calendar.Value!.Themes);
        Refused(await meetings.QuotaAsync(dialogue.Id, Ct), "exchange.no-politician-quota");

        var startsAt = DateTimeOffset.UtcNow.AddSeconds(45);
        var meeting = Ok(await meetings.ScheduleAsync(dialogue.Id, new ScheduleMeetingRequest(
            null, "Strategiskt samtal på residenset", question, startsAt, startsAt.AddHours(3), "Residenset", null, null), Ct), "scheduling the dialogue");
        Refused(await meetings.ScheduleAsync(dialogue.Id, new ScheduleMeetingRequest(
            null, "Ett andra samtal", question, startsAt.AddDays(1), startsAt.AddDays(1).AddHours(2), "Residenset", null, null), Ct), "dialogue.one-meeting");

        // Talks and a workshop, or the dialogue cannot go out.
        var draftCalendar = Ok(await meetings.ProgrammeAsync(dialogue.Id, Ct), "the calendar");
        Refused(await meetings.PublishPlanAsync(dialogue.Id, new PublishPlanRequest(draftCalendar.Version), Ct), "dialogue.talks-and-workshop");
        meeting = Ok(await meetings.ChangeAgendaAsync(meeting.Id, new ChangeAgendaRequest(
        [
            new AgendaItemRequest(AgendaItemKind.Talk, "Utveckling och nuläge för länets åkermark och betesmark", "Maja Miljöstrateg", startsAt, 20, null),
            new AgendaItemRequest(AgendaItemKind.Talk, "Att sköta ängar och naturbetesmarker som företagsidé", "Bertil Betesbrukare", startsAt.AddMinutes(20), 20, null),
            new AgendaItemRequest(AgendaItemKind.Workshop, "Workshop i grupper", null, startsAt.AddMinutes(60), 60,
                ["Hur kan vi öka användandet av betesdjur i naturbetesmarker?", "Vilka bromsklossar finns?"]),
        ], meeting.Version), Ct), "the agenda");
        draftCalendar = Ok(await meetings.ProgrammeAsync(dialogue.Id, Ct), "the calendar");
        var published = Ok(await meetings.PublishPlanAsync(dialogue.Id, new PublishPlanRequest(draftCalendar.Version), Ct), "publishing the dialogue");
        Assert.Equal([meeting.Id], published.PublishedMeetingIds);

        // Invited by mail with a calendar entry: the participants and the governor who leads it.
        foreach (var person in new[] { governor, planner, farmer })
        {
            var mail = await suite.Mail.WaitForOneAsync(m => m.To == person.Email && m.CalendarPart is not null, $"the invitation of {person.Name}");
            Assert.Contains("Strategiskt samtal på residenset", mail.Subject + mail.PlainText, StringComparison.Ordinal);
        }

        var invitations = Ok(await meetings.InvitationsAsync(meeting.Id, Ct), "the invitations");
        Assert.Equal(new[] { governor.Id, planner.Id, farmer.Id }.Order(), invitations.Select(i => i.PersonId).Order());
        Assert.Contains(invitations, i => i.PersonId == farmer.Id && i.OrganisationName == company.Name);

        // Held, attendance taken per invited person, documented and published.
        meeting = await HeldAsync(meetings, meeting);
        var attendance = Ok(await meetings.RecordAttendanceAsync(meeting.Id, new RecordAttendanceRequest(
        [
            new AttendanceEntryRequest(governor.Id, AttendanceStatus.Present),
            new AttendanceEntryRequest(planner.Id, AttendanceStatus.Present),
            new AttendanceEntryRequest(farmer.Id, AttendanceStatus.Absent),
        ], meeting.Version), Ct), "the attendance");
        Assert.Equal(3, attendance.Invitees.Count);
        var documentation = Ok(await meetings.WriteDocumentationAsync(meeting.Id, new WriteDocumentationRequest(
            "Samtalet identifierade bromsklossar och framgångsfaktorer för ett rikt odlingslandskap.",
            [new PointRequest("Föredrag om nuläget", null, null)],
            [new WorkshopOutcomeRequest("Hur kan vi öka användandet av betesdjur i naturbetesmarker?", "Samverkan mellan djurhållare och markägare.")],
            null, 0), Ct), "the documentation");
        Assert.Null(documentation.PublishedAt);
        documentation = Ok(await meetings.ApproveDocumentationAsync(meeting.Id, new ApproveDocumentationRequest(documentation.Version), Ct), "publishing the documentation");
        Assert.Equal(DocumentationStatus.Approved, documentation.Status);
        Assert.NotNull(documentation.PublishedAt);

        // A participant reads the published documentation with her own account.
        using var plannerHttp = await suite.ClientAsync(planner.Email, await suite.ActivateAccountAsync(planner.Email!));
        var read = Ok(await new MeetingsApi(plannerHttp).DocumentationAsync(meeting.Id, Ct), "the participant reads the documentation");
        Assert.Equal(documentation.Id, read.Id);
        Assert.Contains(read.WorkshopOutcomes, o => o.Outcome.Contains("Samverkan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_network_meeting_protocol_with_numbered_decisions_binds_once_the_convener_and_the_secretary_have_signed()
    {
        using var adminHttp = await suite.ClientAsync(DistributedSuite.AdministratorEmail, suite.AdministratorPassword);
        var regions = new RegionsApi(adminHttp);
        var meetings = new MeetingsApi(adminHttp);
        var run = Guid.NewGuid().ToString("N")[..8];

        var countyBoard = await OrganisationAsync(regions, $"Länsstyrelsen i nätverket {run}", OrganisationKind.Authority);
        var university = await OrganisationAsync(regions, $"Tekniska högskolan {run}", OrganisationKind.University);
        var company = await OrganisationAsync(regions, $"Techtank {run}", OrganisationKind.Company);
        var outsider = await OrganisationAsync(regions, $"Utanför-föreningen {run}", OrganisationKind.Association);
        var convener = await PersonAsync(regions, "Johanna Sammankallande", "sammankallande", countyBoard, "Sammankallande");
        var secretary = await PersonAsync(regions, "Malin Sekreterare", "sekreterare", university, "Strateg");
        var member = await PersonAsync(regions, "Ingela Medlem", "medlem", company, "Vd");
        var stranger = await PersonAsync(regions, "Olle Utanför", "utanfor", outsider, "Ordförande");

        // A network names its convener and its secretary, two different people.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var name = $"Jämställt nätverk {run}";
        Refused(await regions.RegisterProgrammeAsync(new RegisterProgrammeRequest(name, today, today.AddYears(2), null, ExchangeFormat.MemberNetwork,
            ConvenerPersonId: convener.Id), Ct), "exchange.network-secretary-required");
        Refused(await regions.RegisterProgrammeAsync(new RegisterProgrammeRequest(name, today, today.AddYears(2), null, ExchangeFormat.MemberNetwork,
            ConvenerPersonId: convener.Id, SecretaryPersonId: convener.Id), Ct), "exchange.network-signers-distinct");
        var network = Ok(await regions.RegisterProgrammeAsync(new RegisterProgrammeRequest(name, today, today.AddYears(2), null, ExchangeFormat.MemberNetwork,
            ConvenerPersonId: convener.Id, SecretaryPersonId: secretary.Id), Ct), "registering the network");
        Assert.Equal(convener.Id, network.Convener?.PersonId);
        Assert.Equal(secretary.Id, network.Secretary?.PersonId);

        // Member organisations name their people; someone whose organisation is not a member cannot take part.
        foreach (var organisation in new[] { countyBoard, university, company })
        {
            Ok(await regions.JoinExchangeAsync(network.Id, new JoinExchangeRequest(organisation.Id, today), Ct), $"{organisation.Name} joins");
        }

        Refused(await regions.AddExchangeParticipantAsync(network.Id, new AddExchangeParticipantRequest(stranger.Id), Ct), "exchange.participant-not-member");
        Ok(await regions.AddExchangeParticipantAsync(network.Id, new AddExchangeParticipantRequest(member.Id), Ct), "the company names its person");
        Assert.Equal(3, Ok(await regions.ExchangeMembersAsync(network.Id, Ct), "the members").Count(m => m.LeftOn is null));

        // An open-ended series of meetings: the first is held and documented as a protocol.
        await Eventually.UntilAsync(
            async () => await meetings.ProgrammeAsync(network.Id, Ct),
            result => result.Succeeded && result.Value!.Format == ExchangeFormat.MemberNetwork,
            "Meetings knows the network");
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(40);
        var meeting = Ok(await meetings.ScheduleAsync(network.Id, new ScheduleMeetingRequest(
            null, "Nätverksmöte", "Organisation och verksamhet", startsAt, startsAt.AddHours(2), "Karlskrona", null, null), Ct), "scheduling the network meeting");
        var calendar = Ok(await meetings.ProgrammeAsync(network.Id, Ct), "the calendar");
        Ok(await meetings.PublishPlanAsync(network.Id, new PublishPlanRequest(calendar.Version), Ct), "publishing the meeting");
        foreach (var person in new[] { convener, secretary, member })
        {
            await suite.Mail.WaitForOneAsync(m => m.To == person.Email && m.CalendarPart is not null, $"the invitation of {person.Name}");
        }

        meeting = await HeldAsync(meetings, meeting);
        var protocol = Ok(await meetings.WriteDocumentationAsync(meeting.Id, new WriteDocumentationRequest(
            null,
            [
                new PointRequest("Organisationen beslutades enligt förslaget", null,
                [
                    new PointRequest("Organisationens syfte: kunskapsallians", "Beslutades.", null),
                    new PointRequest("Medlemsorganisationerna utnämner namn till grupperna under hösten", "Beslutades.", null),
                ]),
                new PointRequest("Likabehandlingsutbildning", "Nätverket tar fram en basutbildning.", null),
            ],
            null, null, 0), Ct), "writing the protocol");
        Assert.Equal(["1", "1.1", "1.2", "2"], protocol.Points.Select(p => p.Number));

        // The protocol binds from its signing by the convener and the secretary, not from an administrator's approval.
        Refused(await meetings.ApproveDocumentationAsync(meeting.Id, new ApproveDocumentationRequest(protocol.Version), Ct), "protocol.signature-required");
        using var memberHttp = await suite.ClientAsync(member.Email, await suite.ActivateAccountAsync(member.Email!));
        Refused(await new MeetingsApi(memberHttp).SignProtocolAsync(meeting.Id, new SignProtocolRequest(protocol.Version), Ct), "protocol.signer-role");

        using var convenerHttp = await suite.ClientAsync(convener.Email, await suite.ActivateAccountAsync(convener.Email!));
        protocol = Ok(await new MeetingsApi(convenerHttp).SignProtocolAsync(meeting.Id, new SignProtocolRequest(protocol.Version), Ct), "the convener signs");
        Assert.Equal(DocumentationStatus.Draft, protocol.Status);
        Refused(await new MeetingsApi(convenerHttp).SignProtocolAsync(meeting.Id, new SignProtocolRequest(protocol.Version), Ct), "protocol.already-signed");

        using var secretaryHttp = await suite.ClientAsync(secretary.Email, await suite.ActivateAccountAsync(secretary.Email!));
        protocol = Ok(await new MeetingsApi(secretaryHttp).SignProtocolAsync(meeting.Id, new SignProtocolRequest(protocol.Version), Ct), "the secretary signs");
        Assert.Equal(DocumentationStatus.Approved, protocol.Status);
        Assert.NotNull(protocol.RegistryNumber);
        Assert.Equal(
            [(convener.Id, ProtocolSignerRole.Convener), (secretary.Id, ProtocolSignerRole.Secretary)],
            protocol.Signatures!.Select(s => (s.PersonId, s.Role)).OrderBy(s => s.Role).ToArray());
        Assert.Equal(protocol.Signatures!.Max(s => s.SignedAt), protocol.ApprovedAt);
    }

    private static async Task<OrganisationResponse> OrganisationAsync(RegionsApi regions, string name, OrganisationKind kind) =>
        Ok(await regions.RegisterOrganisationAsync(new RegisterOrganisationRequest(name, kind), Ct), $"registering {name}");

    private static async Task<PersonResponse> PersonAsync(RegionsApi regions, string name, string mailbox, OrganisationResponse organisation, string title)
    {
        var email = $"{mailbox}.{Guid.NewGuid():N}"[..(mailbox.Length + 13)] + "@utbyte.example";
        return Ok(await regions.RegisterPersonAsync(new RegisterPersonRequest(name, email, null, title, null, organisation.Id, "sv", null), Ct), $"registering {name}");
    }

    /// <summary>Marks the meeting held as soon as it has begun.</summary>
    private static async Task<MeetingResponse> HeldAsync(MeetingsApi meetings, MeetingResponse meeting)
    {
        var held = await Eventually.UntilAsync(
            async () =>
            {
                var current = Ok(await meetings.MeetingAsync(meeting.Id, Ct), "the meeting");
                return await meetings.MarkHeldAsync(meeting.Id, new MeetingVersionRequest(current.Version), Ct);
            },
            result => result.Succeeded,
            $"meeting {meeting.Id} has begun and is marked held",
            TimeSpan.FromSeconds(120));
        return held.Value!;
    }

    private static T Ok<T>(ApiResult<T> result, string what)
    {
        Assert.True(result.Succeeded, $"{what}: {result.Problem}");
        return result.Value!;
    }

    private static void Refused<T>(ApiResult<T> result, string rule)
    {
        Assert.False(result.Succeeded, $"expected {rule}, but it succeeded");
        Assert.Equal((422, rule), (result.Problem!.Status, result.Problem.Rule));
    }
}
