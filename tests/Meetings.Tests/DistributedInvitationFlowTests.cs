using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Meetings.Tests;

/// <summary>
/// The invitation flow on real servers: the Regions service's events arrive over RabbitMQ, the
/// state lives in PostgreSQL, and what the service publishes crosses RabbitMQ to another service.
/// </summary>
public sealed class DistributedInvitationFlowTests
{
    [Fact]
    public async Task Regions_events_over_RabbitMQ_invite_the_teams_and_keep_the_invitations_in_step()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var postgres = await PostgresServer.SharedAsync();
        await using var recorder = await EventRecorder.StartAsync(broker, typeof(InvitationIssued), typeof(InvitationWithdrawn), typeof(InvitationAnswered), typeof(MeetingPlanPublished));
        await using var app = await MeetingsApp.StartAsync(DistributedSettings.For(MeetingsModule.Name, broker, await postgres.CreateDatabaseAsync("meetings")));

        // What the Regions service would publish, sent over the same broker.
        var regions = app.Factory.Services.GetRequiredService<IBus>();
        var programmeId = Guid.NewGuid();
        var today = DateOnly.FromDateTime(app.Now.UtcDateTime);
        var facilitator = TestUser.Facilitator();
        var teams = Scenario.SixRegions.Take(2).Select(name =>
        {
            var regionId = Guid.NewGuid();
            return new Team(regionId, name, TestUser.ProjectLeader(regionId), [TestUser.TeamMember(regionId)], TestUser.Politician(regionId));
        }).ToList();
        await regions.Publish(new ProgrammeRegistered(programmeId, "Vägar till hållbar utveckling", today, today.AddYears(2), 4, app.Now), TestContext.Current.CancellationToken);
        await regions.Publish(new FacilitatorAdded(facilitator.PersonId, Guid.NewGuid(), "Processbolaget AB", facilitator.Name, facilitator.Email, "sv", app.Now), TestContext.Current.CancellationToken);
        foreach (var team in teams)
        {
            await regions.Publish(new RegionRegistered(team.RegionId, team.RegionName, "00", app.Now), TestContext.Current.CancellationToken);
            await regions.Publish(new RegionJoinedProgramme(programmeId, team.RegionId, team.RegionName, app.Now), TestContext.Current.CancellationToken);
            foreach (var (person, role) in new[] { (team.ProjectLeader, TeamRole.ProjectLeader), (team.KeyOfficials[0], TeamRole.KeyOfficial), (team.Politician, TeamRole.Politician) })
            {
                await regions.Publish(Joined(programmeId, team, person, role, app.Now), TestContext.Current.CancellationToken);
            }
        }

        await Eventually.UntilAsync(
            () => app.QueryAsync(async db => await db.TeamMemberships.CountAsync(m => m.ProgrammeId == programmeId && m.Active) == 6 && await db.Facilitators.AnyAsync(f => f.PersonId == facilitator.PersonId) && await db.Programmes.AnyAsync(p => p.Id == programmeId)),
            "the programme, the facilitator and both teams arrived over RabbitMQ");

        var scenario = Scenario.ForExisting(app, programmeId, teams, facilitator);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();

        await recorder.WaitForAsync<MeetingPlanPublished>(e => e.ProgrammeId == programmeId);
        await Eventually.UntilAsync(
            () => Task.FromResult(recorder.All<InvitationIssued>().Count(e => e.Meeting.ProgrammeId == programmeId)),
            count => count == 6 * 6,
            "every team member's invitation to every meeting crossed RabbitMQ");

        var newcomer = TestUser.TeamMember(teams[0].RegionId);
        await regions.Publish(Joined(programmeId, teams[0], newcomer, TeamRole.KeyOfficial, app.Now), TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(
            () => Task.FromResult(recorder.All<InvitationIssued>().Count(e => e.PersonId == newcomer.PersonId)),
            count => count == 6,
            "the newcomer was invited to the six meetings ahead");

        var leaver = teams[1].KeyOfficials[0];
        await regions.Publish(new TeamMemberLeft(programmeId, teams[1].RegionId, leaver.PersonId, TeamRole.KeyOfficial, app.Now), TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(
            () => Task.FromResult(recorder.All<InvitationWithdrawn>().Count(e => e.PersonId == leaver.PersonId)),
            count => count == 6,
            "the leaver's six invitations were withdrawn");

        var politician = teams[0].Politician;
        var token = recorder.All<InvitationIssued>().Single(e => e.PersonId == politician.PersonId && e.Meeting.MeetingId == meetings[0].Id).AnswerToken;
        var answer = await app.ClientFor(null).PostAsync(
            "/api/meetings/invitations/answer/confirm",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["answer"] = "accepted" }),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var answered = await recorder.WaitForAsync<InvitationAnswered>(e => e.PersonId == politician.PersonId);
        Assert.Equal((meetings[0].Id, InvitationAnswer.Accepted), (answered.MeetingId, answered.Answer));
    }

    private static TeamMemberJoined Joined(Guid programmeId, Team team, TestUser person, TeamRole role, DateTimeOffset at) =>
        new(programmeId, team.RegionId, team.RegionName, person.PersonId, role, person.Name, person.Email, null, "sv", null, at);
}
