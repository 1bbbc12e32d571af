using KollegialtUtbyte.Feedback.ApiContracts;
using KollegialtUtbyte.Feedback.Data;
using KollegialtUtbyte.Feedback.Domain;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static KollegialtUtbyte.Feedback.Tests.Support.FeedbackCalls;

namespace KollegialtUtbyte.Feedback.Tests.Api;

/// <summary>
/// The copy of the Regions service's regions, programmes and teams (fed by its events, which
/// may arrive out of order), and the lens catalogue loaded from the seeds.
/// </summary>
public sealed class LocalCopyTests(SharedService service) : SharedServiceTests(service)
{
    [Fact]
    public async Task An_update_that_arrives_before_the_join_creates_the_member()
    {
        var (programme, region, person) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var at = DateTimeOffset.UtcNow;

        await App.PublishAsync(new TeamMemberUpdated(programme, region, "Region Dalarna", person, TeamRole.KeyOfficial, "Kim Nyckelperson", "kim@example.test", null, "sv", null, at));
        await App.PublishAsync(new TeamMemberJoined(programme, region, "Region Dalarna", person, TeamRole.ProjectLeader, "Kim Gammal", "old@example.test", null, "sv", null, at.AddMinutes(-5)));

        // Both may be handled at once by their own consumers; whichever commits second (after a
        // retry if they collided) must leave the newer state.
        var member = await Eventually.UntilAsync(
            () => App.QueryAsync(db => db.TeamMembers.AsNoTracking().SingleOrDefaultAsync(m => m.PersonId == person)),
            m => m is { Role: TeamRole.KeyOfficial, Name: "Kim Nyckelperson", Active: true }
                && App.Factory.Harness.Consumed.Select<TeamMemberJoined>().Any(c => c.Context.Message.PersonId == person && c.Exception is null),
            "the update's state stands after the older join was handled");
        Assert.Equal("kim@example.test", member!.Email);
    }

    [Fact]
    public async Task A_join_older_than_the_leave_does_not_bring_the_member_back()
    {
        var (programme, region, person) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var at = DateTimeOffset.UtcNow;

        await App.PublishAsync(new TeamMemberLeft(programme, region, person, TeamRole.KeyOfficial, at));
        await Eventually.UntilAsync(() => App.QueryAsync(db => db.TeamMembers.AnyAsync(m => m.PersonId == person)), "the leave was recorded");
        await App.PublishAsync(new TeamMemberJoined(programme, region, "Region Dalarna", person, TeamRole.KeyOfficial, "Kim", "kim@example.test", null, "sv", null, at.AddDays(-1)));
        await Eventually.UntilAsync(
            () => Task.FromResult(App.Factory.Harness.Consumed.Select<TeamMemberJoined>().Any(c => c.Context.Message.PersonId == person)),
            "the late join was consumed");

        Assert.False(await App.QueryAsync(db => db.TeamMembers.Where(m => m.PersonId == person).Select(m => m.Active).SingleAsync()));
    }

    [Fact]
    public async Task A_renamed_region_is_shown_with_its_new_name()
    {
        var region = (await App.AddRegionsAsync(Guid.NewGuid(), "Landstinget i Värmland"))[0];

        await App.PublishAsync(new RegionUpdated(region.Id, "Region Värmland", "17", DateTimeOffset.UtcNow.AddSeconds(1)));

        await Eventually.UntilAsync(
            async () => (await App.ClientFor(region.Member).CreateDocumentAsync()).GetProperty("regionName").GetString() == "Region Värmland",
            "documents carry the region's new name");
    }

    [Fact]
    public async Task The_lens_catalogue_holds_the_six_tools_the_seventeen_goals_and_the_five_themes()
    {
        var region = (await App.AddRegionsAsync(Guid.NewGuid(), "Region Kronoberg"))[0];

        var lenses = (await App.ClientFor(region.Member).GetJsonAsync("/api/feedback/lenses")).EnumerateArray().ToList();

        string[] Names(string group) => [.. lenses.Where(l => l.GetProperty("group").GetString() == group).Select(l => l.GetProperty("name").GetString()!)];
        Assert.Equal(
            ["Förändringslogik", "Intressentanalys", "Samhandlingstrappan", "Lärandecykel", "Kompetent ledarskap", "Jämställdhets- och mångfaldsintegrering"],
            Names("GreenThread"));
        Assert.Equal(17, Names("Agenda2030").Length);
        Assert.Equal("Mål 5: Jämställdhet", Names("Agenda2030")[4]);
        Assert.Equal(["Extern samverkan", "Hållbar besöksnäring", "Hållbar styrning", "Hållbara platser", "Hållbart näringsliv"], Names("ProgrammeTheme"));
        Assert.All(lenses, l => Assert.False(string.IsNullOrWhiteSpace(l.GetProperty("description").GetString())));
    }

    [Fact]
    public async Task Loading_the_catalogue_again_adds_nothing_and_restores_what_was_changed()
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDb>();
        var lens = await db.Lenses.SingleAsync(l => l.Code == "gt-larandecykel", Token);
        lens.Name = "Ändrad";
        await db.SaveChangesAsync(Token);

        foreach (var seeder in scope.ServiceProvider.GetServices<IDatabaseSeeder<FeedbackDb>>())
        {
            await seeder.SeedAsync(db, Token);
        }

        Assert.Equal(28, await db.Lenses.CountAsync(Token));
        Assert.Equal("Lärandecykel", (await db.Lenses.AsNoTracking().SingleAsync(l => l.Code == "gt-larandecykel", Token)).Name);
        Assert.Equal(6, await db.Lenses.CountAsync(l => l.Group == LensGroup.GreenThread, Token));
    }
}
