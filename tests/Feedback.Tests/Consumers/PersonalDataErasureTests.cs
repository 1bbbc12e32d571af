using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.PersonalData;
using MassTransit;
using static KollegialtUtbyte.Feedback.Tests.Support.FeedbackCalls;

namespace KollegialtUtbyte.Feedback.Tests.Consumers;

/// <summary>
/// The right to erasure in Feedback: her team places are pseudonymised and stay so whatever
/// team events arrive later; what she wrote for her region stays.
/// </summary>
public sealed class PersonalDataErasureTests(SharedService service) : SharedServiceTests(service)
{
    [Fact]
    public async Task Erasure_pseudonymises_her_team_places_keeps_her_work_and_late_team_events_do_not_bring_her_back()
    {
        var programme = Guid.NewGuid();
        var regionId = Guid.NewGuid();
        var her = TestUser.ProjectLeader(regionId) with { Name = $"Ester Raderasdotter {Guid.NewGuid().ToString("N")[..6]}" };
        var region = new TestRegion(regionId, "Region Raderas", her, TestUser.Politician(regionId));
        await App.AnnounceAsync(region, programme);
        await App.WaitUntilKnownAsync([region]);
        var client = App.ClientFor(her);
        var document = await client.CreateDocumentAsync("Raderasstrategin");
        await (await client.UploadAsync(document.Id(), SampleFiles.Pdf(), "strategi.pdf", $"Första utkastet, skrivet av {her.Name}")).ReadAsync(HttpStatusCode.Created);
        var documentBefore = await client.GetJsonAsync($"/api/feedback/documents/{document.Id()}");

        // Another region's draft, which her region reviews: she writes its feedback in the region's name.
        var author = (await App.AddRegionsAsync(programme, "Region Författare", "Region Tredje"))[0];
        var authored = await App.ClientFor(author.Member).CreateDocumentAsync("Författarstrategin");
        await (await App.ClientFor(author.Member).UploadAsync(authored.Id(), SampleFiles.Pdf(), "utkast.pdf")).ReadAsync(HttpStatusCode.Created);
        var round = await (await App.ClientFor(author.Member).OpenRoundAsync(authored.Id(), 1, App.Clock.GetUtcNow().AddDays(14))).ReadAsync(HttpStatusCode.Created);
        Assert.Contains(round.GetProperty("reviewers").EnumerateArray(), r => r.Id("regionId") == regionId);
        await (await client.SaveFeedbackAsync(round.Id(), regionId, 0, $"{her.Name} har läst utkastet för regionens räkning.")).ReadAsync(HttpStatusCode.Created);

        var erasureId = Guid.NewGuid();
        await PublishAndWaitAsync(new PersonalDataErasureDecided(erasureId, her.PersonId, DateTimeOffset.UtcNow));

        var answer = Assert.Single(await Eventually.UntilAsync(
            () => Task.FromResult(App.Factory.Harness.Published.Select<PersonalDataErased>().Select(m => m.Context.Message).Where(e => e.ErasureId == erasureId).ToList()),
            list => list.Count >= 1,
            "the erasure was answered"));
        Assert.Equal((her.PersonId, "feedback"), (answer.PersonId, answer.Service));
        await AssertErasedAsync(her);

        // Her work stays: the document and its version, uploaded in her region's name.
        var documentAfter = await App.ClientFor(App.Administrator).GetJsonAsync($"/api/feedback/documents/{document.Id()}");
        Assert.Equal(documentBefore.GetProperty("versions").GetArrayLength(), documentAfter.GetProperty("versions").GetArrayLength());
        Assert.DoesNotContain(her.Name, documentAfter.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(her.Email, documentAfter.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Första utkastet, skrivet av {ErasedPerson.Name}", documentAfter.GetRawText(), StringComparison.Ordinal);

        // The feedback she wrote for her region stays, without her name.
        var feedback = await App.QueryAsync(db => db.Feedback.AsNoTracking().SingleAsync(f => f.RoundId == round.Id() && f.ReviewerRegionId == regionId));
        Assert.Equal($"{ErasedPerson.Name} har läst utkastet för regionens räkning.", feedback.Summary);
        Assert.Equal(her.PersonId, feedback.LastEditedByPersonId);
        Assert.NotEmpty(feedback.Suggestions);

        // Late or reordered team events with her old details, also for another programme, change nothing.
        var later = DateTimeOffset.UtcNow.AddMinutes(5);
        await PublishAndWaitAsync(new TeamMemberUpdated(programme, regionId, region.Name, her.PersonId, TeamRole.ProjectLeader, her.Name, her.Email, "Projektledare", "sv", "kvinna", later));
        await PublishAndWaitAsync(new TeamMemberJoined(Guid.NewGuid(), regionId, region.Name, her.PersonId, TeamRole.KeyOfficial, her.Name, her.Email, "Projektledare", "sv", "kvinna", later));
        await AssertErasedAsync(her);
        Assert.Equal(1, await App.QueryAsync(db => db.TeamMembers.CountAsync(m => m.PersonId == her.PersonId)));

        // Running the decision again is harmless, and it is answered again.
        await PublishAndWaitAsync(new PersonalDataErasureDecided(erasureId, her.PersonId, DateTimeOffset.UtcNow));
        await AssertErasedAsync(her);

        // Her export still answers, with the pseudonym.
        var exportId = Guid.NewGuid();
        await PublishAndWaitAsync(new PersonalDataExportRequested(exportId, her.PersonId, DateTimeOffset.UtcNow));
        var part = await Eventually.UntilAsync(
            () => Task.FromResult(App.Factory.Harness.Published.Select<PersonalDataExportPartCollected>().Select(m => m.Context.Message).FirstOrDefault(p => p.ExportId == exportId)),
            p => p is not null,
            "the export was answered");
        Assert.Contains(ErasedPerson.Name, part!.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(her.Name, part.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(her.Email, part.Json, StringComparison.OrdinalIgnoreCase);
    }

    private async Task AssertErasedAsync(TestUser her)
    {
        var places = await App.QueryAsync(db => db.TeamMembers.AsNoTracking().Where(m => m.PersonId == her.PersonId).ToListAsync());
        Assert.All(places, m => Assert.Equal((ErasedPerson.Name, "", false), (m.Name, m.Email, m.Active)));
        Assert.Empty(await App.QueryAsync(db => db.TeamMembers.Where(m => m.Name.Contains(her.Name) || m.Email == her.Email).ToListAsync()));
        Assert.True(await App.QueryAsync(db => db.ErasedPeople.AnyAsync(e => e.PersonId == her.PersonId)));
        Assert.True(await App.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.SubjectPersonId == her.PersonId && e.Action == PersonalDataAuditActions.Erased)));
        Assert.Empty(await App.QueryAsync(db => db.Feedback.Where(f => f.Summary != null && f.Summary.Contains(her.Name)).ToListAsync()));
        Assert.Empty(await App.QueryAsync(db => db.DocumentVersions.Where(v => v.Note != null && v.Note.Contains(her.Name)).ToListAsync()));
    }

    private async Task PublishAndWaitAsync<T>(T message)
        where T : class
    {
        var messageId = NewId.NextGuid();
        await App.Factory.Harness.Bus.Publish(message, context => context.MessageId = messageId, TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(
            () => Task.FromResult(App.Factory.Harness.Consumed.Select<T>(m => m.Context.MessageId == messageId && m.Exception is null).Any()),
            $"{typeof(T).Name} was consumed");
    }
}
