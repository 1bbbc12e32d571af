using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.PersonalData;
using OpenIddict.EntityFrameworkCore.Models;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>
/// Identity's part of an erasure, on the real SQLite database: the account and everything that
/// signs in to it goes, the copy of the person stays as a pseudonymised tombstone, and late news
/// from the directory does not bring her back.
/// </summary>
public sealed class ErasureTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly IdentityHost _host = fixture.Host;

    [Fact]
    public async Task After_her_erasure_she_signs_in_as_an_unknown_address_would_and_no_session_or_link_of_hers_works()
    {
        var (joined, activation) = await _host.ActiveTeamMemberAsync();
        var session = await _host.SignInAsync(joined.Email, IdentityHost.Password);
        using var client = _host.NewClient();
        await client.PostAsync("/account/reset-password", Form(("email", joined.Email)), Cancel);
        var reset = await _host.PublishedAsync<PasswordResetRequested>(r => r.PersonId == joined.PersonId);
        var newAddress = $"ny.{joined.PersonId:N}@regionvarmland.example";
        await _host.PublishAsync(new PersonEmailChangeRequested(Guid.NewGuid(), joined.PersonId, joined.Name, joined.Email, newAddress, "sv", joined.PersonId, DateTimeOffset.UtcNow));
        await _host.PublishedAsync<PersonEmailChangeLinksIssued>(l => l.PersonId == joined.PersonId);
        await _host.WithDbAsync(async db =>
        {
            db.Audit("account.test-note", null, joined.PersonId, DateTimeOffset.UtcNow, new { joined.Name, joined.Email, Upper = joined.Email.ToUpperInvariant() });
            return await db.SaveChangesAsync(Cancel);
        });

        var erasureId = Guid.NewGuid();
        await _host.PublishAsync(new PersonalDataErasureDecided(erasureId, joined.PersonId, DateTimeOffset.UtcNow));

        var answer = await _host.PublishedAsync<PersonalDataErased>(e => e.ErasureId == erasureId);
        Assert.Equal(("identity", joined.PersonId), (answer.Service, answer.PersonId));
        Assert.Null(await _host.AccountOfAsync(joined.PersonId));

        var refused = await _host.TrySignInAsync(joined.Email, IdentityHost.Password);
        var unknown = await _host.TrySignInAsync($"ingen.{Guid.NewGuid():N}@example.test", IdentityHost.Password);
        Assert.Equal((unknown.StatusCode, await CodeFlowSignIn.RefusalOf(unknown)), (refused.StatusCode, await CodeFlowSignIn.RefusalOf(refused)));
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.RefreshAsync(session.RefreshToken!)).StatusCode);
        using var resetPage = await client.GetAsync($"/account/reset-password?token={Uri.EscapeDataString(reset.Token)}", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, resetPage.StatusCode);
        Assert.DoesNotContain("<h1>Välj ett nytt lösenord</h1>", await resetPage.Content.ReadAsStringAsync(Cancel));

        var subject = activation.AccountId.ToString();
        var left = await _host.WithDbAsync(async db => new
        {
            Tokens = await db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync(t => t.Subject == subject, Cancel),
            Authorizations = await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().CountAsync(a => a.Subject == subject, Cancel),
            Links = await db.AccountLinkTokens.CountAsync(t => t.AccountId == activation.AccountId, Cancel),
            Changes = await db.EmailChanges.CountAsync(c => c.PersonId == joined.PersonId, Cancel),
            Logins = await db.UserLogins.CountAsync(l => l.UserId == activation.AccountId, Cancel),
            Person = await db.People.AsNoTracking().SingleAsync(p => p.PersonId == joined.PersonId, Cancel),
            Audit = await db.Set<AuditEntry>().Where(e => e.SubjectPersonId == joined.PersonId).Select(e => e.Details ?? "").ToListAsync(Cancel),
            Erased = await db.Set<AuditEntry>().CountAsync(e => e.SubjectPersonId == joined.PersonId && e.Action == PersonalDataAuditActions.Erased, Cancel),
        });
        Assert.Equal((0, 0, 0, 0, 0), (left.Tokens, left.Authorizations, left.Links, left.Changes, left.Logins));
        Assert.Equal((ErasedPerson.Name, "", false), (left.Person.Name, left.Person.Email, left.Person.IsFacilitator));
        Assert.NotNull(left.Person.ErasedAt);
        Assert.Equal(1, left.Erased);
        Assert.All(left.Audit, details =>
        {
            Assert.DoesNotContain(joined.Email, details, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(joined.Name, details, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Late_news_from_the_directory_brings_neither_her_account_nor_her_name_back()
    {
        var (joined, _) = await _host.AddTeamMemberAsync(TeamRole.ProjectLeader);
        var erasureId = Guid.NewGuid();
        var erasedAt = joined.OccurredAt.AddMinutes(5);
        await _host.PublishAsync(new PersonalDataErasureDecided(erasureId, joined.PersonId, erasedAt));
        await _host.PublishedAsync<PersonalDataErased>(e => e.ErasureId == erasureId);
        var provisionedBefore = _host.Published<AccountProvisioned>().Count(p => p.PersonId == joined.PersonId);

        // Reordered or redelivered events, some even newer than the erasure.
        var later = erasedAt.AddMinutes(1);
        await _host.PublishAsync(new PersonRegistered(joined.PersonId, joined.Name, joined.Email, "070-1", null, null, null, joined.RegionId, "sv", null, later));
        await _host.PublishAsync(new PersonUpdated(joined.PersonId, joined.Name, joined.Email, "070-1", null, null, null, joined.RegionId, "sv", null, later));
        await _host.PublishAsync(joined with { OccurredAt = later }, Guid.NewGuid());
        await _host.PublishAsync(new TeamMemberUpdated(joined.ProgrammeId, joined.RegionId, joined.RegionName, joined.PersonId, TeamRole.KeyOfficial, joined.Name, joined.Email, null, "sv", null, later));
        await _host.PublishAsync(new FacilitatorAdded(joined.PersonId, Guid.NewGuid(), "Ramböll", joined.Name, joined.Email, "sv", later));
        var lateChange = Guid.NewGuid();
        await _host.PublishAsync(new PersonEmailChangeRequested(lateChange, joined.PersonId, joined.Name, joined.Email, $"sen.{joined.PersonId:N}@example.test", "sv", null, later));
        await _host.PublishAsync(new PersonEmailChangedByAdministrator(joined.PersonId, joined.Email, $"admin.{joined.PersonId:N}@example.test", null, later));

        await _host.ConsumedAsync<PersonRegistered>(e => e.PersonId == joined.PersonId);
        await _host.ConsumedAsync<PersonUpdated>(e => e.PersonId == joined.PersonId);
        await _host.ConsumedAsync<TeamMemberJoined>(e => e.PersonId == joined.PersonId && e.OccurredAt == later);
        await _host.ConsumedAsync<TeamMemberUpdated>(e => e.PersonId == joined.PersonId);
        await _host.ConsumedAsync<FacilitatorAdded>(e => e.PersonId == joined.PersonId);
        await _host.ConsumedAsync<PersonEmailChangeRequested>(e => e.ChangeId == lateChange);
        await _host.ConsumedAsync<PersonEmailChangedByAdministrator>(e => e.PersonId == joined.PersonId);

        Assert.Null(await _host.AccountOfAsync(joined.PersonId));
        var person = await _host.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.PersonId == joined.PersonId, Cancel));
        Assert.Equal((ErasedPerson.Name, "", false), (person.Name, person.Email, person.IsFacilitator));
        Assert.Equal(provisionedBefore, _host.Published<AccountProvisioned>().Count(p => p.PersonId == joined.PersonId));
        Assert.DoesNotContain(_host.Published<PersonEmailChangeLinksIssued>(), l => l.PersonId == joined.PersonId);
        Assert.Equal(0, await _host.WithDbAsync(db => db.EmailChanges.CountAsync(c => c.PersonId == joined.PersonId, Cancel)));
    }

    [Fact]
    public async Task Erasing_again_or_erasing_someone_identity_never_heard_of_is_safe_and_answered()
    {
        var (joined, _) = await _host.AddTeamMemberAsync(TeamRole.KeyOfficial);
        var erasureId = Guid.NewGuid();
        var decided = new PersonalDataErasureDecided(erasureId, joined.PersonId, DateTimeOffset.UtcNow);

        await _host.PublishAsync(decided);
        await _host.PublishedAsync<PersonalDataErased>(e => e.ErasureId == erasureId);
        // Redelivered as a new message (the inbox deduplicates messages, not decisions).
        await _host.PublishAsync(decided, Guid.NewGuid());
        await Eventually.UntilAsync(
            () => Task.FromResult(_host.Published<PersonalDataErased>().Count(e => e.ErasureId == erasureId) == 2), "the second decision was answered too");
        Assert.Null(await _host.AccountOfAsync(joined.PersonId));

        // Identity may hear of a person first through her erasure: the tombstone keeps her out later.
        var stranger = Guid.NewGuid();
        var strangerErasure = Guid.NewGuid();
        await _host.PublishAsync(new PersonalDataErasureDecided(strangerErasure, stranger, DateTimeOffset.UtcNow));
        await _host.PublishedAsync<PersonalDataErased>(e => e.ErasureId == strangerErasure);
        var lateJoin = joined with { PersonId = stranger, Email = $"okand.{stranger:N}@example.test", OccurredAt = DateTimeOffset.UtcNow };
        await _host.PublishAsync(lateJoin);
        await _host.ConsumedAsync<TeamMemberJoined>(e => e.PersonId == stranger);
        Assert.Null(await _host.AccountOfAsync(stranger));
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
