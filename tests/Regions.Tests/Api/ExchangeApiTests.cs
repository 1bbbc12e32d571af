using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Regions.Tests.Api;

/// <summary>
/// Strategic dialogues and member networks beside the programme: each format's rules answered
/// with the rule named, participants and member organisations with their events, and a
/// programme exactly as before.
/// </summary>
public sealed class ExchangeApiTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private const string Question = "Hur når vi miljökvalitetsmålet Ett rikt odlingslandskap i länets betesmarker och ängar?";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dialogue_is_registered_with_its_question_and_leader_and_published_with_them()
    {
        var länsstyrelsen = await OrganisationAsync(OrganisationKind.Authority);
        var governor = await app.RegisterPersonAsync(organisationId: länsstyrelsen.Id, name: "Birgitta Landberg");

        var dialogue = await RegisterAsync(new { format = "StrategicDialogue", question = Question, leaderPersonId = governor.Id });

        Assert.Equal((ExchangeFormat.StrategicDialogue, Question), (dialogue.Format, dialogue.Question));
        Assert.Equal(new ExchangePersonResponse(governor.Id, "Birgitta Landberg", "Tjänsteperson", länsstyrelsen.Name), dialogue.Leader);
        Assert.Null(dialogue.Convener);
        Assert.Empty(dialogue.Regions);
        var registered = await app.PublishedAsync<ProgrammeRegistered>(e => e.ProgrammeId == dialogue.Id);
        Assert.Equal((ExchangeFormat.StrategicDialogue, Question, governor.Id, (Guid?)null), (registered.Format, registered.Question, registered.LeaderPersonId, registered.ConvenerPersonId));

        var read = await app.ClientFor(TestUser.TeamMember(Guid.NewGuid())).GetFromJsonAsync<ProgrammeResponse>($"/api/regions/programmes/{dialogue.Id}", RegionsApp.Json, Cancellation);
        Assert.Equal(dialogue.Leader, read!.Leader);

        // The question changes; the format stays what it was registered as.
        var changed = await RegionsApp.ReadAsync<ProgrammeResponse>(
            await app.Admin.PutAsJsonAsync($"/api/regions/programmes/{dialogue.Id}",
                new { name = dialogue.Name, startsOn = "2019-05-08", endsOn = "2019-05-08", expectedKeyOfficials = 4, version = dialogue.Version, question = "Hur ökar vi ängsskötseln i länet?", leaderPersonId = governor.Id },
                RegionsApp.Json, Cancellation),
            HttpStatusCode.OK);
        Assert.Equal((ExchangeFormat.StrategicDialogue, "Hur ökar vi ängsskötseln i länet?"), (changed.Format, changed.Question));
        var updated = await app.PublishedAsync<ProgrammeUpdated>(e => e.ProgrammeId == dialogue.Id);
        Assert.Equal((ExchangeFormat.StrategicDialogue, "Hur ökar vi ängsskötseln i länet?", governor.Id), (updated.Format, updated.Question, updated.LeaderPersonId));

        var withoutQuestion = await app.Admin.PutAsJsonAsync($"/api/regions/programmes/{dialogue.Id}",
            new { name = dialogue.Name, startsOn = "2019-05-08", endsOn = "2019-05-08", expectedKeyOfficials = 4, version = changed.Version, leaderPersonId = governor.Id },
            RegionsApp.Json, Cancellation);
        await RegionsApp.ProblemAsync(withoutQuestion, HttpStatusCode.UnprocessableEntity, "exchange.dialogue-question-required");
    }

    [Fact]
    public async Task A_dialogue_needs_its_question_and_a_known_leader_and_refuses_a_networks_roles()
    {
        var governor = await app.RegisterPersonAsync(organisationId: (await OrganisationAsync(OrganisationKind.Authority)).Id);

        await RefusedAsync(new { format = "StrategicDialogue", leaderPersonId = governor.Id }, "exchange.dialogue-question-required");
        await RefusedAsync(new { format = "StrategicDialogue", question = "Kor?", leaderPersonId = governor.Id }, "exchange.dialogue-question-required");
        await RefusedAsync(new { format = "StrategicDialogue", question = Question }, "exchange.dialogue-leader-required");
        await RefusedAsync(new { format = "StrategicDialogue", question = Question, leaderPersonId = Guid.NewGuid() }, "exchange.leader-unknown");
        await RefusedAsync(new { format = "StrategicDialogue", question = Question, leaderPersonId = governor.Id, convenerPersonId = governor.Id }, "exchange.role-not-in-format");

        var tooLong = await app.Admin.PostAsJsonAsync("/api/regions/programmes",
            Body(new { format = "StrategicDialogue", question = new string('x', RegionsLimits.QuestionMaxLength + 1), leaderPersonId = governor.Id }), RegionsApp.Json, Cancellation);
        var unknownFormat = await app.Admin.PostAsJsonAsync("/api/regions/programmes", Body(new { format = "Seminar" }), RegionsApp.Json, Cancellation);
        Assert.Contains("Question", (await RegionsApp.ProblemAsync(tooLong, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name), StringComparer.OrdinalIgnoreCase);
        await RegionsApp.ProblemAsync(unknownFormat, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_network_names_a_convener_and_a_different_secretary_who_may_be_of_a_region()
    {
        var länsstyrelsen = await OrganisationAsync(OrganisationKind.Authority);
        var blekinge = await app.RegionAsync("10");
        var convener = await app.RegisterPersonAsync(organisationId: länsstyrelsen.Id, name: "Johanna Sammelin");
        var secretary = await app.RegisterPersonAsync(regionId: blekinge.Id, name: "Malin Fredriksberg");

        var network = await RegisterAsync(new { format = "MemberNetwork", convenerPersonId = convener.Id, secretaryPersonId = secretary.Id });

        Assert.Equal(ExchangeFormat.MemberNetwork, network.Format);
        Assert.Equal((convener.Id, länsstyrelsen.Name), (network.Convener!.PersonId, network.Convener.OrganisationName));
        Assert.Equal((secretary.Id, "Region Blekinge"), (network.Secretary!.PersonId, network.Secretary.OrganisationName));
        var registered = await app.PublishedAsync<ProgrammeRegistered>(e => e.ProgrammeId == network.Id);
        Assert.Equal((ExchangeFormat.MemberNetwork, convener.Id, secretary.Id), (registered.Format, registered.ConvenerPersonId, registered.SecretaryPersonId));

        await RefusedAsync(new { format = "MemberNetwork", secretaryPersonId = secretary.Id }, "exchange.network-convener-required");
        await RefusedAsync(new { format = "MemberNetwork", convenerPersonId = convener.Id }, "exchange.network-secretary-required");
        await RefusedAsync(new { format = "MemberNetwork", convenerPersonId = convener.Id, secretaryPersonId = convener.Id }, "exchange.network-signers-distinct");
        await RefusedAsync(new { format = "MemberNetwork", convenerPersonId = Guid.NewGuid(), secretaryPersonId = secretary.Id }, "exchange.convener-unknown");
        await RefusedAsync(new { format = "MemberNetwork", question = Question, convenerPersonId = convener.Id, secretaryPersonId = secretary.Id }, "exchange.role-not-in-format");
    }

    [Fact]
    public async Task A_programme_is_unchanged_it_has_teams_not_participants_members_or_the_other_formats_roles()
    {
        var sörmland = await app.RegionAsync("04");
        var programme = await app.RegisterProgrammeAsync(sörmland.Id);
        var person = await app.RegisterPersonAsync(sörmland.Id);

        Assert.Equal((ExchangeFormat.Programme, null, null, null, null), (programme.Format, programme.Question, programme.Leader, programme.Convener, programme.Secretary));
        var registered = await app.PublishedAsync<ProgrammeRegistered>(e => e.ProgrammeId == programme.Id);
        Assert.Equal((ExchangeFormat.Programme, null, null), (registered.Format, registered.Question, registered.LeaderPersonId));
        await app.AddMemberAsync(programme.Id, sörmland.Id, person.Id, TeamRole.ProjectLeader);

        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync($"/api/regions/programmes/{programme.Id}/participants", new { personId = person.Id }, RegionsApp.Json, Cancellation),
            HttpStatusCode.UnprocessableEntity, "exchange.participants-are-teams");
        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync($"/api/regions/programmes/{programme.Id}/members",
                new { organisationId = (await OrganisationAsync(OrganisationKind.Municipality)).Id, joinedOn = "2021-01-01" }, RegionsApp.Json, Cancellation),
            HttpStatusCode.UnprocessableEntity, "exchange.members-only-in-network");
        await RefusedAsync(new { question = Question }, "exchange.role-not-in-format");
        Assert.Empty((await app.Admin.GetFromJsonAsync<List<ExchangeParticipantResponse>>($"/api/regions/programmes/{programme.Id}/participants", RegionsApp.Json, Cancellation))!);
    }

    [Fact]
    public async Task Regions_do_not_join_a_dialogue_or_network_with_teams()
    {
        var kronoberg = await app.RegionAsync("07");
        var governor = await app.RegisterPersonAsync(organisationId: (await OrganisationAsync(OrganisationKind.Authority)).Id);
        var dialogue = await RegisterAsync(new { format = "StrategicDialogue", question = Question, leaderPersonId = governor.Id });
        var official = await app.RegisterPersonAsync(kronoberg.Id);

        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync($"/api/regions/programmes/{dialogue.Id}/regions", new { regionId = kronoberg.Id }, RegionsApp.Json, Cancellation),
            HttpStatusCode.UnprocessableEntity, "exchange.no-teams");
        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync($"/api/regions/programmes/{dialogue.Id}/teams/{kronoberg.Id}/members", new { personId = official.Id, role = "KeyOfficial" }, RegionsApp.Json, Cancellation),
            HttpStatusCode.UnprocessableEntity, "exchange.no-teams");
        await RegionsApp.ProblemAsync(
            await app.Admin.DeleteAsync($"/api/regions/programmes/{dialogue.Id}/teams/{kronoberg.Id}/members/{official.Id}", Cancellation),
            HttpStatusCode.UnprocessableEntity, "exchange.no-teams");
        Assert.DoesNotContain(app.Published<RegionJoinedProgramme>(), e => e.ProgrammeId == dialogue.Id);
    }

    [Fact]
    public async Task A_dialogue_invites_any_known_person_once_and_announces_who_comes_and_goes()
    {
        var kronoberg = await app.RegionAsync("07");
        var governor = await app.RegisterPersonAsync(organisationId: (await OrganisationAsync(OrganisationKind.Authority)).Id);
        var dialogue = await RegisterAsync(new { format = "StrategicDialogue", question = Question, leaderPersonId = governor.Id });
        var company = await OrganisationAsync(OrganisationKind.Company);
        var farmer = await app.RegisterPersonAsync(organisationId: company.Id, name: "Bonde Betesson");
        var strategist = await app.RegisterPersonAsync(kronoberg.Id, name: "Regina Regionsdotter");
        var participants = $"/api/regions/programmes/{dialogue.Id}/participants";

        var added = await RegionsApp.ReadAsync<ExchangeParticipantResponse>(
            await app.Admin.PostAsJsonAsync(participants, new { personId = farmer.Id }, RegionsApp.Json, Cancellation), HttpStatusCode.Created);
        await RegionsApp.ReadAsync<ExchangeParticipantResponse>(
            await app.Admin.PostAsJsonAsync(participants, new { personId = strategist.Id }, RegionsApp.Json, Cancellation), HttpStatusCode.Created);

        Assert.Equal((farmer.Id, "Bonde Betesson", company.Id, company.Name, OrganisationKind.Company), (added.PersonId, added.Name, added.OrganisationId, added.OrganisationName, added.OrganisationKind));
        var announced = await app.PublishedAsync<ExchangeParticipantAdded>(e => e.ProgrammeId == dialogue.Id && e.PersonId == farmer.Id);
        Assert.Equal((company.Id, company.Name, OrganisationKind.Company, (Guid?)null), (announced.OrganisationId, announced.OrganisationName, announced.OrganisationKind, announced.RegionId));
        var regional = await app.PublishedAsync<ExchangeParticipantAdded>(e => e.ProgrammeId == dialogue.Id && e.PersonId == strategist.Id);
        Assert.Equal(((Guid?)null, "Region Kronoberg", OrganisationKind.Region, kronoberg.Id), (regional.OrganisationId, regional.OrganisationName, regional.OrganisationKind, regional.RegionId));

        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync(participants, new { personId = farmer.Id }, RegionsApp.Json, Cancellation), HttpStatusCode.Conflict, "exchange.participant-duplicate");
        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync(participants, new { personId = Guid.NewGuid() }, RegionsApp.Json, Cancellation), HttpStatusCode.UnprocessableEntity, "person.unknown");
        await RegionsApp.ProblemAsync(await app.Admin.PostAsJsonAsync(participants, new { }, RegionsApp.Json, Cancellation), HttpStatusCode.BadRequest);
        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync($"/api/regions/programmes/{dialogue.Id}/members", new { organisationId = company.Id, joinedOn = "2019-05-08" }, RegionsApp.Json, Cancellation),
            HttpStatusCode.UnprocessableEntity, "exchange.members-only-in-network");

        // Signed-in people read; only administrators change.
        var reader = app.ClientFor(TestUser.TeamMember(kronoberg.Id));
        var listed = (await reader.GetFromJsonAsync<List<ExchangeParticipantResponse>>(participants, RegionsApp.Json, Cancellation))!;
        Assert.Equal(["Bonde Betesson", "Regina Regionsdotter"], listed.Select(p => p.Name));
        Assert.Equal(("Region Kronoberg", (Guid?)null), (listed[1].RegionName, listed[1].OrganisationId));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(TestUser.ProjectLeader(kronoberg.Id)).PostAsJsonAsync(participants, new { personId = strategist.Id }, RegionsApp.Json, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync($"{participants}/{farmer.Id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientFor(null).GetAsync(participants, Cancellation)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.DeleteAsync($"{participants}/{farmer.Id}", Cancellation)).StatusCode);
        await app.PublishedAsync<ExchangeParticipantRemoved>(e => e.ProgrammeId == dialogue.Id && e.PersonId == farmer.Id);
        await RegionsApp.ProblemAsync(await app.Admin.DeleteAsync($"{participants}/{farmer.Id}", Cancellation), HttpStatusCode.NotFound);
        Assert.Equal([strategist.Id], (await reader.GetFromJsonAsync<List<ExchangeParticipantResponse>>(participants, RegionsApp.Json, Cancellation))!.Select(p => p.PersonId));
        await RegionsApp.ProblemAsync(await app.Admin.GetAsync($"/api/regions/programmes/{Guid.NewGuid()}/participants", Cancellation), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_networks_members_name_its_participants_and_a_member_leaving_takes_its_people_with_it()
    {
        var blekinge = await app.RegionAsync("10");
        var länsstyrelsen = await OrganisationAsync(OrganisationKind.Authority);
        var convener = await app.RegisterPersonAsync(organisationId: länsstyrelsen.Id);
        var secretary = await app.RegisterPersonAsync(regionId: blekinge.Id);
        var network = await RegisterAsync(new { format = "MemberNetwork", convenerPersonId = convener.Id, secretaryPersonId = secretary.Id });
        var kommun = await OrganisationAsync(OrganisationKind.Municipality);
        var stranger = await OrganisationAsync(OrganisationKind.Association);
        var hrChief = await app.RegisterPersonAsync(organisationId: kommun.Id, name: "Camilla Kransell");
        var outsider = await app.RegisterPersonAsync(organisationId: stranger.Id);
        var members = $"/api/regions/programmes/{network.Id}/members";
        var participants = $"/api/regions/programmes/{network.Id}/participants";

        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync(participants, new { personId = hrChief.Id }, RegionsApp.Json, Cancellation), HttpStatusCode.UnprocessableEntity, "exchange.participant-not-member");

        var joined = await RegionsApp.ReadAsync<ExchangeMemberResponse>(
            await app.Admin.PostAsJsonAsync(members, new { organisationId = kommun.Id, joinedOn = "2019-09-25" }, RegionsApp.Json, Cancellation), HttpStatusCode.Created);
        Assert.Equal(new ExchangeMemberResponse(kommun.Id, kommun.Name, OrganisationKind.Municipality, new DateOnly(2019, 9, 25), null), joined);
        var announced = await app.PublishedAsync<ExchangeMemberJoined>(e => e.ProgrammeId == network.Id && e.OrganisationId == kommun.Id);
        Assert.Equal((kommun.Name, OrganisationKind.Municipality, new DateOnly(2019, 9, 25)), (announced.OrganisationName, announced.Kind, announced.JoinedOn));
        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync(members, new { organisationId = kommun.Id, joinedOn = "2019-10-01" }, RegionsApp.Json, Cancellation), HttpStatusCode.Conflict, "exchange.member-already");
        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync(members, new { organisationId = Guid.NewGuid(), joinedOn = "2019-10-01" }, RegionsApp.Json, Cancellation), HttpStatusCode.UnprocessableEntity, "organisation.unknown");
        await RegionsApp.ProblemAsync(await app.Admin.PostAsJsonAsync(members, new { organisationId = kommun.Id }, RegionsApp.Json, Cancellation), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(TestUser.ProjectLeader(blekinge.Id)).PostAsJsonAsync(members, new { organisationId = stranger.Id, joinedOn = "2019-10-01" }, RegionsApp.Json, Cancellation)).StatusCode);

        await RegionsApp.ReadAsync<ExchangeParticipantResponse>(
            await app.Admin.PostAsJsonAsync(participants, new { personId = hrChief.Id }, RegionsApp.Json, Cancellation), HttpStatusCode.Created);
        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync(participants, new { personId = outsider.Id }, RegionsApp.Json, Cancellation), HttpStatusCode.UnprocessableEntity, "exchange.participant-not-member");
        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync(participants, new { personId = secretary.Id }, RegionsApp.Json, Cancellation), HttpStatusCode.UnprocessableEntity, "exchange.participant-not-member");

        // Leaving: not before it joined; then its people stop taking part, each announced.
        var leave = $"{members}/{kommun.Id}/leave";
        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync(leave, new { leftOn = "2019-09-24" }, RegionsApp.Json, Cancellation), HttpStatusCode.UnprocessableEntity, "exchange.member-left-before-joined");
        var left = await RegionsApp.ReadAsync<ExchangeMemberResponse>(
            await app.Admin.PostAsJsonAsync(leave, new { leftOn = "2020-06-30" }, RegionsApp.Json, Cancellation), HttpStatusCode.OK);

        Assert.Equal(new DateOnly(2020, 6, 30), left.LeftOn);
        Assert.Equal(new DateOnly(2020, 6, 30), (await app.PublishedAsync<ExchangeMemberLeft>(e => e.ProgrammeId == network.Id && e.OrganisationId == kommun.Id)).LeftOn);
        await app.PublishedAsync<ExchangeParticipantRemoved>(e => e.ProgrammeId == network.Id && e.PersonId == hrChief.Id);
        Assert.Empty((await app.Admin.GetFromJsonAsync<List<ExchangeParticipantResponse>>(participants, RegionsApp.Json, Cancellation))!);
        var listed = await app.ClientFor(TestUser.TeamMember(blekinge.Id)).GetFromJsonAsync<List<ExchangeMemberResponse>>(members, RegionsApp.Json, Cancellation);
        Assert.Equal([(kommun.Id, (DateOnly?)new DateOnly(2020, 6, 30))], listed!.Select(m => (m.OrganisationId, m.LeftOn)));
        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync(participants, new { personId = hrChief.Id }, RegionsApp.Json, Cancellation), HttpStatusCode.UnprocessableEntity, "exchange.participant-not-member");
        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync($"{members}/{stranger.Id}/leave", new { leftOn = "2020-06-30" }, RegionsApp.Json, Cancellation), HttpStatusCode.NotFound);

        // It may join again.
        var again = await RegionsApp.ReadAsync<ExchangeMemberResponse>(
            await app.Admin.PostAsJsonAsync(members, new { organisationId = kommun.Id, joinedOn = "2021-01-01" }, RegionsApp.Json, Cancellation), HttpStatusCode.Created);
        Assert.Equal((new DateOnly(2021, 1, 1), (DateOnly?)null), (again.JoinedOn, again.LeftOn));
    }

    [Theory]
    [InlineData(OrganisationKind.Municipality)]
    [InlineData(OrganisationKind.Company)]
    [InlineData(OrganisationKind.University)]
    [InlineData(OrganisationKind.Authority)]
    [InlineData(OrganisationKind.Association)]
    public async Task The_organisations_of_dialogues_and_networks_register_and_change_with_their_kinds(OrganisationKind kind)
    {
        var organisation = await OrganisationAsync(kind);
        var changed = await app.Admin.PutAsJsonAsync(
            $"/api/regions/organisations/{organisation.Id}", new { name = organisation.Name + " (ny)", kind, version = organisation.Version }, RegionsApp.Json, Cancellation);

        Assert.Equal(kind, organisation.Kind);
        Assert.Equal(kind, (await RegionsApp.ReadAsync<OrganisationResponse>(changed, HttpStatusCode.OK)).Kind);
        Assert.Equal(kind, (await app.PublishedAsync<OrganisationRegistered>(e => e.OrganisationId == organisation.Id)).Kind);
    }

    [Fact]
    public async Task A_persons_export_names_the_exchanges_she_takes_part_in_and_her_roles()
    {
        var governor = await app.RegisterPersonAsync(organisationId: (await OrganisationAsync(OrganisationKind.Authority)).Id);
        var dialogue = await RegisterAsync(new { format = "StrategicDialogue", question = Question, leaderPersonId = governor.Id });
        var farmer = await app.RegisterPersonAsync(organisationId: (await OrganisationAsync(OrganisationKind.Company)).Id);
        await RegionsApp.ReadAsync<ExchangeParticipantResponse>(
            await app.Admin.PostAsJsonAsync($"/api/regions/programmes/{dialogue.Id}/participants", new { personId = farmer.Id }, RegionsApp.Json, Cancellation), HttpStatusCode.Created);

        var participation = (await DirectoryPartOfExportAsync(farmer.Id)).GetProperty("exchangeParticipations").EnumerateArray().Single();
        var role = (await DirectoryPartOfExportAsync(governor.Id)).GetProperty("exchangeRoles").EnumerateArray().Single();

        Assert.Equal((dialogue.Id, dialogue.Name, "StrategicDialogue"),
            (participation.GetProperty("programmeId").GetGuid(), participation.GetProperty("exchange").GetString(), participation.GetProperty("format").GetString()));
        Assert.Equal((dialogue.Id, "Leader"), (role.GetProperty("programmeId").GetGuid(), role.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task An_erased_person_stops_taking_part_and_cannot_be_invited_again()
    {
        var governor = await app.RegisterPersonAsync(organisationId: (await OrganisationAsync(OrganisationKind.Authority)).Id);
        var dialogue = await RegisterAsync(new { format = "StrategicDialogue", question = Question, leaderPersonId = governor.Id });
        var farmer = await app.RegisterPersonAsync(organisationId: (await OrganisationAsync(OrganisationKind.Company)).Id);
        var participants = $"/api/regions/programmes/{dialogue.Id}/participants";
        await RegionsApp.ReadAsync<ExchangeParticipantResponse>(await app.Admin.PostAsJsonAsync(participants, new { personId = farmer.Id }, RegionsApp.Json, Cancellation), HttpStatusCode.Created);

        var erasure = await RegionsApp.ReadAsync<PersonalDataErasureResponse>(await app.Admin.PostAsync($"/api/regions/people/{farmer.Id}/erasures", null, Cancellation), HttpStatusCode.Accepted);
        await RegionsApp.ReadAsync<PersonalDataErasureResponse>(
            await app.Admin.PostAsJsonAsync($"/api/regions/erasures/{erasure.Id}/decision", new { approve = true }, RegionsApp.Json, Cancellation), HttpStatusCode.OK);

        Assert.Empty((await app.Admin.GetFromJsonAsync<List<ExchangeParticipantResponse>>(participants, RegionsApp.Json, Cancellation))!);
        await app.PublishedAsync<ExchangeParticipantRemoved>(e => e.ProgrammeId == dialogue.Id && e.PersonId == farmer.Id);
        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync(participants, new { personId = farmer.Id }, RegionsApp.Json, Cancellation), HttpStatusCode.Conflict, "person.erased");
        await RefusedAsync(new { format = "StrategicDialogue", question = Question, leaderPersonId = farmer.Id }, "exchange.leader-unknown");
    }

    private async Task<JsonElement> DirectoryPartOfExportAsync(Guid personId)
    {
        var export = await RegionsApp.ReadAsync<PersonalDataExportResponse>(
            await app.Admin.PostAsync($"/api/regions/people/{personId}/personal-data-exports", null, Cancellation), HttpStatusCode.Accepted);
        var json = await Eventually.UntilAsync(
            async () =>
            {
                using var scope = app.Factory.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<RegionsDb>();
                var found = await db.PersonalDataExports.AsNoTracking().SingleAsync(e => e.Id == export.Id, Cancellation);
                return found.Parts.FirstOrDefault(p => p.Service == "regions")?.Json;
            },
            found => found is not null,
            "the directory answered its own export request");
        return JsonDocument.Parse(json!).RootElement;
    }

    private async Task<OrganisationResponse> OrganisationAsync(OrganisationKind kind) =>
        await app.RegisterOrganisationAsync($"{kind} {Guid.NewGuid():N}"[..30], kind);

    private static Dictionary<string, object?> Body(object fields)
    {
        var body = new Dictionary<string, object?> { ["name"] = $"Utbyte {Guid.NewGuid():N}"[..30], ["startsOn"] = "2019-05-08", ["endsOn"] = "2019-05-08" };
        foreach (var property in fields.GetType().GetProperties())
        {
            body[property.Name] = property.GetValue(fields);
        }

        return body;
    }

    private async Task<ProgrammeResponse> RegisterAsync(object fields) =>
        await RegionsApp.ReadAsync<ProgrammeResponse>(
            await app.Admin.PostAsJsonAsync("/api/regions/programmes", Body(fields), RegionsApp.Json, Cancellation), HttpStatusCode.Created);

    private async Task RefusedAsync(object fields, string rule) =>
        await RegionsApp.ProblemAsync(
            await app.Admin.PostAsJsonAsync("/api/regions/programmes", Body(fields), RegionsApp.Json, Cancellation), HttpStatusCode.UnprocessableEntity, rule);
}
