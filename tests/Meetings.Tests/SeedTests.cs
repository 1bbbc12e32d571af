using KollegialtUtbyte.Meetings.Data;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Meetings.Tests;

/// <summary>The demo programme's draft plan from seeds/meetings, loaded once, whatever arrives first.</summary>
public sealed class SeedTests : IAsyncLifetime
{
    private static readonly Guid DemoProgramme = Guid.Parse("2f0c1e1a-7b6d-4c3e-9a51-202120220001");

    private MeetingsApp _app = null!;

    public async ValueTask InitializeAsync() =>
        _app = await MeetingsApp.StartAsync(new Dictionary<string, string?> { ["Seeds:Enabled"] = "true" }, new DateTimeOffset(2020, 11, 2, 8, 0, 0, TimeSpan.Zero));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_demo_programme_starts_with_a_draft_plan_of_six_meetings_over_the_five_themes_in_the_six_regions()
    {
        var admin = _app.ClientFor(TestUser.Administrator());

        var calendar = await (await admin.GetAsync($"/api/meetings/programmes/{DemoProgramme}", TestContext.Current.CancellationToken)).ReadAsync<ProgrammeCalendarResponse>();
        var meetings = await (await admin.GetAsync($"/api/meetings/programmes/{DemoProgramme}/meetings", TestContext.Current.CancellationToken)).ReadAsync<List<MeetingResponse>>();

        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31), 6), (calendar.StartsOn, calendar.EndsOn, calendar.PlannedMeetings));
        Assert.Equal(6, meetings.Count);
        Assert.All(meetings, m => Assert.Equal(MeetingStatus.Draft, m.Status));
        Assert.Equal(ProgrammeCalendar.DefaultThemes.Order(), meetings.Select(m => m.Theme).Distinct().Order());
        Assert.All(meetings, m => Assert.InRange(m.StartsAt.Year, 2021, 2022));
        Assert.Equal(Scenario.SixRegions.Order(), meetings.Select(m => m.Venue!.Split(',')[0]).Order());
        Assert.All(meetings, m => Assert.Contains(m.Agenda, a => a.Kind == AgendaItemKind.Workshop && a.Questions.Count >= 3));
        Assert.All(meetings, m => Assert.Contains(m.Agenda, a => a.Kind == AgendaItemKind.Talk && a.Responsible is not null));
        Assert.Empty(await (await _app.ClientFor(TestUser.Politician(Guid.NewGuid())).GetAsync($"/api/meetings/programmes/{DemoProgramme}/meetings", TestContext.Current.CancellationToken)).ReadAsync<List<MeetingResponse>>());
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_the_registry_s_later_event_takes_over_the_programme()
    {
        await using (var scope = _app.Factory.Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetServices<IDatabaseSeeder<MeetingsDb>>().Single();
            await seeder.SeedAsync(scope.ServiceProvider.GetRequiredService<MeetingsDb>(), TestContext.Current.CancellationToken);
        }

        await _app.PublishAsync(new ProgrammeRegistered(DemoProgramme, "Vägar till hållbar utveckling 2021–2022 (registret)", new DateOnly(2021, 1, 1), new DateOnly(2023, 6, 30), 4, _app.Now));

        Assert.Equal(6, await _app.QueryAsync(db => db.Meetings.CountAsync(m => m.ProgrammeId == DemoProgramme)));
        var programme = await _app.QueryAsync(db => db.Programmes.SingleAsync(p => p.Id == DemoProgramme));
        Assert.Equal(("Vägar till hållbar utveckling 2021–2022 (registret)", new DateOnly(2023, 6, 30), 6), (programme.Name, programme.EndsOn, programme.PlannedMeetings));
    }

    [Fact]
    public async Task The_seeded_plan_can_be_published_by_an_administrator()
    {
        var admin = _app.ClientFor(TestUser.Administrator());
        var calendar = await (await admin.GetAsync($"/api/meetings/programmes/{DemoProgramme}", TestContext.Current.CancellationToken)).ReadAsync<ProgrammeCalendarResponse>();

        var published = await (await admin.PostJsonAsync($"/api/meetings/programmes/{DemoProgramme}/publish", new PublishPlanRequest(calendar.Version))).ReadAsync<PublishPlanResponse>();

        Assert.Equal(6, published.PublishedMeetingIds.Count);
    }

    [Fact]
    public async Task The_dialogue_and_the_network_of_2019_are_held_and_documented_approved_and_signed()
    {
        var admin = _app.ClientFor(TestUser.Administrator());
        var dialogue = await (await admin.GetAsync("/api/meetings/programmes/5a7e0000-0000-4000-8000-000000000508", TestContext.Current.CancellationToken)).ReadAsync<ProgrammeCalendarResponse>();
        var dialogueMeeting = await (await admin.GetAsync("/api/meetings/5a7e0000-0000-4000-8000-0000000005a1", TestContext.Current.CancellationToken)).ReadAsync<MeetingResponse>();
        var published = await (await _app.ClientFor(TestUser.Politician(Guid.NewGuid())).GetAsync("/api/meetings/5a7e0000-0000-4000-8000-0000000005a1/documentation", TestContext.Current.CancellationToken)).ReadAsync<DocumentationResponse>();

        Assert.Equal((ExchangeFormat.StrategicDialogue, 1, 0), (dialogue.Format, dialogue.PlannedMeetings, dialogue.Themes.Count));
        Assert.Equal((MeetingStatus.Documented, new DateTime(2019, 5, 8)), (dialogueMeeting.Status, dialogueMeeting.StartsAt.Date));
        Assert.Equal(4, dialogueMeeting.Agenda.Count(a => a.Kind == AgendaItemKind.Talk && a.Responsible is not null && a.Responsible != "Landshövdingen"));
        Assert.Equal(4, dialogueMeeting.Agenda.Single(a => a.Kind == AgendaItemKind.Workshop).Questions.Count);
        Assert.Equal((DocumentationStatus.Approved, published.ApprovedAt), (published.Status, published.PublishedAt));

        var network = await (await admin.GetAsync("/api/meetings/programmes/5a7e0000-0000-4000-8000-000000000925", TestContext.Current.CancellationToken)).ReadAsync<ProgrammeCalendarResponse>();
        var protocol = await (await admin.GetAsync("/api/meetings/5a7e0000-0000-4000-8000-0000000009a1/documentation", TestContext.Current.CancellationToken)).ReadAsync<DocumentationResponse>();

        Assert.Equal((ExchangeFormat.MemberNetwork, 0), (network.Format, network.PlannedMeetings));
        Assert.Equal(("800-4609-2019", DocumentationStatus.Approved), (protocol.RegistryNumber, protocol.Status));
        Assert.Equal(["Johanna Sammelin", "Malin Fredriksberg"], protocol.Signatures!.Select(s => s.Name));
        Assert.Equal(protocol.Signatures![1].SignedAt, protocol.ApprovedAt);
        Assert.Equal(["1", "2", "3", "4"], protocol.Points.Where(p => p.Level == 1).Select(p => p.Number));
        Assert.Contains(protocol.Points, p => p.Number == "4.8");
        Assert.Contains(protocol.Participants, p => p is { Name: "Engla Västerholm", Organisation: "Sölvesborgs kommun", Role: "strateg" });
        Assert.Equal(14, protocol.Participants.Count);
    }
}
