using KollegialtUtbyte.ServiceDefaults.Retention;
using Microsoft.Extensions.DependencyInjection;
using static KollegialtUtbyte.Feedback.Tests.Support.FeedbackCalls;

namespace KollegialtUtbyte.Feedback.Tests.Api;

/// <summary>
/// Drafts of a finished programme go after <c>Retention:DraftVersions</c> (180 days after its end
/// by default), files and all, except what the follow-up needs: the latest version, the versions
/// feedback rounds were held on and the versions the learning log or a priority's result names.
/// </summary>
public sealed class DraftRetentionTests
{
    [Fact]
    public async Task Intermediate_drafts_go_after_the_period_from_the_programme_end_and_what_the_follow_up_needs_stays()
    {
        await using var app = await FeedbackApp.StartAsync();
        var programme = Guid.NewGuid();
        var endsOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30);
        await app.PublishAsync(new ProgrammeRegistered(programme, "Omgång 2027", endsOn.AddYears(-1), endsOn, 3, DateTimeOffset.UtcNow));
        var regions = await app.AddRegionsAsync(programme, "Region Värmland", "Region Kronoberg", "Region Gävleborg");
        await Eventually.UntilAsync(() => app.QueryAsync(db => db.Programmes.AnyAsync(p => p.Id == programme)), "the programme's end is known");
        var team = app.ClientFor(regions[0].Member);
        var document = await team.CreateDocumentAsync();
        for (var i = 1; i <= 5; i++)
        {
            await (await team.UploadAsync(document.Id(), SampleFiles.Markdown(), $"utkast-{i}.md")).ReadAsync(HttpStatusCode.Created);
        }

        await (await team.OpenRoundAsync(document.Id(), 2, app.Clock.GetUtcNow().AddDays(14))).ReadAsync(HttpStatusCode.Created);
        await (await team.PostAsJsonAsync($"/api/feedback/documents/{document.Id()}/learning-log", new { text = "Lärdom om version 3", versionNumber = 3 }, Token))
            .ReadAsync(HttpStatusCode.Created);
        var job = app.Factory.Services.GetRequiredService<RetentionJob>();

        app.Clock.SetUtcNow(new DateTimeOffset(endsOn.AddDays(179).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await job.RunOnceAsync(Token);
        Assert.Equal([1, 2, 3, 4, 5], await NumbersAsync(app, document.Id()));
        Assert.Equal(5, app.StoredFiles().Count);

        app.Clock.SetUtcNow(new DateTimeOffset(endsOn.AddDays(181).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await job.RunOnceAsync(Token);
        Assert.Equal([2, 3, 5], await NumbersAsync(app, document.Id()));
        Assert.Equal(3, app.StoredFiles().Count);
        var latest = await team.GetAsync($"/api/feedback/documents/{document.Id()}/versions/5/file", Token);
        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
    }

    private static Task<List<int>> NumbersAsync(FeedbackApp app, Guid documentId) =>
        app.QueryAsync(db => db.DocumentVersions.Where(v => v.DocumentId == documentId).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync());
}
