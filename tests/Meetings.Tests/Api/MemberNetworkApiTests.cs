namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>A member network (seed 004): open-ended meetings, its people and roles invited, its protocol binding when convener and secretary have signed.</summary>
public sealed class MemberNetworkApiTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    [Fact]
    public async Task A_network_meets_open_ended_and_invites_its_participants_convener_and_secretary()
    {
        var network = await ExchangeScenario.NetworkAsync(App);
        var strategist = await network.AddParticipantAsync("Engla Strateg", "Sölvesborgs kommun");

        var calendar = await network.CalendarAsync();
        Assert.Equal((ExchangeFormat.MemberNetwork, network.Convener.PersonId, network.Secretary.PersonId), (calendar.Format, calendar.ConvenerPersonId, calendar.SecretaryPersonId));
        Assert.Equal((0, 0, 0m), (calendar.Themes.Count, calendar.PlannedMeetings, calendar.PoliticianShare));

        var meetings = new List<MeetingResponse>();
        for (var week = 1; week <= 7; week++)
        {
            meetings.Add(await network.ScheduleAsync(week * 2));
        }

        Assert.Equal(Enumerable.Range(1, 7), meetings.Select(m => m.Number));
        (await network.TryPublishAsync()).EnsureSuccessStatusCode();
        var invited = await network.InvitationsAsync(meetings[6].Id);
        Assert.Equal(new[] { strategist.PersonId, network.Convener.PersonId, network.Secretary.PersonId }.Order(), invited.Select(i => i.PersonId).Order());
        await (await network.Admin.GetAsync($"/api/meetings/programmes/{network.ProgrammeId}/quota", TestContext.Current.CancellationToken))
            .AssertRuleAsync("exchange.no-politician-quota");
    }

    [Fact]
    public async Task The_protocol_binds_when_the_convener_and_the_secretary_have_signed_and_editing_clears_the_signatures()
    {
        var network = await ExchangeScenario.NetworkAsync(App);
        await network.AddParticipantAsync("Engla Strateg", "Sölvesborgs kommun");
        var meeting = await network.ScheduleAsync(2);
        (await network.TryPublishAsync()).EnsureSuccessStatusCode();
        await network.HoldAsync(meeting);
        var url = ExchangeScenario.DocumentationUrl(meeting);
        var writer = App.ClientFor(network.Facilitator);
        var draft = await (await writer.PutJsonAsync(url, ExchangeScenario.Protocol("Nätverkets organisation", 0))).ReadAsync<DocumentationResponse>();

        await (await network.Admin.PostJsonAsync($"{url}/approve", new ApproveDocumentationRequest(draft.Version))).AssertRuleAsync("protocol.signature-required");
        await (await App.ClientFor(ExchangeScenario.Person("Någon annan")).PostJsonAsync($"{url}/signatures", new SignProtocolRequest(draft.Version)))
            .AssertRuleAsync("protocol.signer-role");
        await (await network.Admin.PostJsonAsync($"{url}/signatures", new SignProtocolRequest(draft.Version))).AssertRuleAsync("protocol.signer-role");

        var convener = App.ClientFor(network.Convener);
        var signedOnce = await (await convener.PostJsonAsync($"{url}/signatures", new SignProtocolRequest(draft.Version))).ReadAsync<DocumentationResponse>();
        Assert.Equal((DocumentationStatus.Draft, ProtocolSignerRole.Convener), (signedOnce.Status, signedOnce.Signatures!.Single().Role));
        await (await convener.PostJsonAsync($"{url}/signatures", new SignProtocolRequest(signedOnce.Version))).AssertRuleAsync("protocol.already-signed");
        var seen = await (await convener.GetAsync(url, TestContext.Current.CancellationToken)).ReadAsync<DocumentationResponse>();
        Assert.Equal(signedOnce.Version, seen.Version);

        var edited = await (await writer.PutJsonAsync(url, ExchangeScenario.Protocol("Nätverkets organisation (ändrad)", signedOnce.Version))).ReadAsync<DocumentationResponse>();
        Assert.Empty(edited.Signatures!);

        App.Clock.Advance(TimeSpan.FromDays(1));
        var first = await (await convener.PostJsonAsync($"{url}/signatures", new SignProtocolRequest(edited.Version))).ReadAsync<DocumentationResponse>();
        App.Clock.Advance(TimeSpan.FromDays(1));
        var approved = await (await App.ClientFor(network.Secretary).PostJsonAsync($"{url}/signatures", new SignProtocolRequest(first.Version))).ReadAsync<DocumentationResponse>();

        Assert.Equal(DocumentationStatus.Approved, approved.Status);
        Assert.Equal(App.Now, approved.ApprovedAt);
        Assert.NotNull(approved.RegistryNumber);
        Assert.Null(approved.PublishedAt);
        Assert.Equal([ProtocolSignerRole.Convener, ProtocolSignerRole.Secretary], approved.Signatures!.Select(s => s.Role));
        Assert.Equal([network.Convener.PersonId, network.Secretary.PersonId], approved.Signatures!.Select(s => s.PersonId));
        Assert.Contains(approved.Participants, p => p.Name == "Engla Strateg" && p.Organisation == "Sölvesborgs kommun");
        var announced = await App.WaitForPublishedAsync<MeetingDocumentationApproved>(e => e.MeetingId == meeting.Id);
        Assert.Equal((approved.RegistryNumber, network.Secretary.PersonId), (announced[0].RegistryNumber, announced[0].ApprovedByPersonId));
        await (await writer.PutJsonAsync(url, ExchangeScenario.Protocol("Efteråt", approved.Version))).AssertRuleAsync("documentation.approved-is-immutable");
    }

    [Fact]
    public async Task Attendance_without_a_region_is_counted_per_organisation()
    {
        var network = await ExchangeScenario.NetworkAsync(App);
        for (var i = 1; i <= 3; i++)
        {
            await network.AddParticipantAsync($"Tjänsteperson {i}", "Sölvesborgs kommun");
        }

        for (var i = 1; i <= 4; i++)
        {
            await network.AddParticipantAsync($"Medarbetare {i}", "Södra Cell");
        }

        var meeting = await network.ScheduleAsync(2);
        (await network.TryPublishAsync()).EnsureSuccessStatusCode();
        await network.HoldAsync(meeting);

        var report = await (await network.Admin.GetAsync($"/api/meetings/programmes/{network.ProgrammeId}/statistics", TestContext.Current.CancellationToken))
            .ReadAsync<AttendanceStatisticsReport>();

        var held = report.Meetings.Single();
        Assert.Empty(held.PresentByRegion);
        // The convener and the secretary (two of Länsstyrelsen) are suppressed, and so the next smallest group.
        Assert.Equal(
            [new StatisticsCell("Länsstyrelsen", null), new StatisticsCell("Södra Cell", 4), new StatisticsCell("Sölvesborgs kommun", null)],
            held.PresentByOrganisation!);
        Assert.Contains(new ProgrammeCell("Organisation", "Södra Cell", 4, 4), report.Programme);
        Assert.DoesNotContain(report.Programme, c => c.Dimension == "Region");
    }
}
