using KollegialtUtbyte.Identity.Domain;
using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenIddict.EntityFrameworkCore.Models;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>
/// The retention job on the service's clock: refresh tokens, activation links and e-mail changes
/// go a configured period after they expired, while the ones still live stay.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestTokenIssuer _issuer = null!;
    private IdentityHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _host = IdentityHost.InProcess(_issuer, settings => settings["Retention:EmailChanges"] = "10.00:00:00", time: _clock);
        _ = _host.Services;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Expired_tokens_links_and_email_changes_go_and_live_ones_stay()
    {
        var start = _clock.GetUtcNow();
        var (oldMember, _) = await _host.ActiveTeamMemberAsync();
        await _host.SignInAsync(oldMember.Email, IdentityHost.Password);
        var (neverActivated, _) = await _host.AddTeamMemberAsync(Contracts.TeamRole.KeyOfficial);
        var oldChange = await RequestEmailChangeAsync(oldMember.PersonId, start);
        Assert.NotEqual(0, await TokensOfAsync(oldMember.PersonId));
        Assert.Equal(1, await LinksOfAsync(neverActivated.PersonId));

        // Past the refresh tokens' 14 days and the links' 7 days, plus the one-day grace (the job's timer may run on its own now).
        _clock.Advance(TimeSpan.FromDays(20));
        var (newMember, _) = await _host.ActiveTeamMemberAsync();
        await _host.SignInAsync(newMember.Email, IdentityHost.Password);
        var (newInvitee, _) = await _host.AddTeamMemberAsync(Contracts.TeamRole.KeyOfficial);
        var newChange = await RequestEmailChangeAsync(newMember.PersonId, _clock.GetUtcNow());

        await _host.Services.GetRequiredService<RetentionJob>().RunOnceAsync(Cancel);

        Assert.Equal(0, await TokensOfAsync(oldMember.PersonId));
        Assert.Equal(0, await LinksOfAsync(oldMember.PersonId));
        Assert.Equal(0, await LinksOfAsync(neverActivated.PersonId));
        Assert.False(await _host.WithDbAsync(db => db.EmailChanges.AnyAsync(c => c.Id == oldChange, Cancel)));

        Assert.NotEqual(0, await TokensOfAsync(newMember.PersonId));
        Assert.Equal(1, await LinksOfAsync(newMember.PersonId));
        Assert.Equal(1, await LinksOfAsync(newInvitee.PersonId));
        Assert.True(await _host.WithDbAsync(db => db.EmailChanges.AnyAsync(c => c.Id == newChange, Cancel)));
    }

    [Fact]
    public async Task Audit_entries_go_after_two_years_and_younger_ones_stay()
    {
        var person = Guid.NewGuid();
        await _host.WithDbAsync(async db =>
        {
            db.Audit("account.disabled", null, person, _clock.GetUtcNow(), new { Step = "old" });
            return await db.SaveChangesAsync(Cancel);
        });
        _clock.Advance(TimeSpan.FromDays(400));
        await _host.WithDbAsync(async db =>
        {
            db.Audit("account.enabled", null, person, _clock.GetUtcNow(), new { Step = "young" });
            return await db.SaveChangesAsync(Cancel);
        });

        _clock.Advance(TimeSpan.FromDays(331));
        await _host.Services.GetRequiredService<RetentionJob>().RunOnceAsync(Cancel);

        var left = await _host.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.SubjectPersonId == person).Select(e => e.Action).ToListAsync(Cancel));
        Assert.Equal(["account.enabled"], left);
    }

    private async Task<int> TokensOfAsync(Guid personId)
    {
        var account = await _host.AccountOfAsync(personId) ?? throw new InvalidOperationException("No account.");
        var subject = account.Id.ToString();
        return await _host.WithDbAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken>()
            .CountAsync(t => t.Subject == subject, Cancel));
    }

    private async Task<int> LinksOfAsync(Guid personId)
    {
        var account = await _host.AccountOfAsync(personId) ?? throw new InvalidOperationException("No account.");
        return await _host.WithDbAsync(db => db.AccountLinkTokens.CountAsync(t => t.AccountId == account.Id, Cancel));
    }

    private Task<Guid> RequestEmailChangeAsync(Guid personId, DateTimeOffset now) =>
        _host.WithDbAsync(async db =>
        {
            var change = EmailChange.Request(
                Guid.NewGuid(), personId, "gammal@region.example", $"ny.{Guid.NewGuid():N}@region.example", SecretTokens.Hash(Guid.NewGuid().ToString()),
                SecretTokens.Hash(Guid.NewGuid().ToString()), now, TimeSpan.FromDays(2));
            db.EmailChanges.Add(change);
            await db.SaveChangesAsync(Cancel);
            return change.Id;
        });
}
