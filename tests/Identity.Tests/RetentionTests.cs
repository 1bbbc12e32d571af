using KollegialtUtbyte.Identity.Domain;
using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.Retention;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.EntityFrameworkCore.Models;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>
/// The retention job on the service's clock: refresh tokens, activation links and e-mail changes
/// go a configured period after they expired, while the ones still live stay.
/// </summary>
public sealed class RetentionTests() : IdentityOnTestClock(settings => settings["Retention:EmailChanges"] = "10.00:00:00")
{
    [Fact]
    public async Task Expired_tokens_links_and_email_changes_go_and_live_ones_stay()
    {
        var start = Clock.GetUtcNow();
        var (oldMember, _) = await Host.ActiveTeamMemberAsync();
        await Host.SignInAsync(oldMember.Email, IdentityHost.Password);
        var (neverActivated, _) = await Host.AddTeamMemberAsync(Contracts.TeamRole.KeyOfficial);
        var oldChange = await RequestEmailChangeAsync(oldMember.PersonId, start);
        Assert.NotEqual(0, await TokensOfAsync(oldMember.PersonId));
        Assert.Equal(1, await LinksOfAsync(neverActivated.PersonId));

        // Past the refresh tokens' 14 days and the links' 7 days, plus the one-day grace (the job's timer may run on its own now).
        Clock.Advance(TimeSpan.FromDays(20));
        var (newMember, _) = await Host.ActiveTeamMemberAsync();
        await Host.SignInAsync(newMember.Email, IdentityHost.Password);
        var (newInvitee, _) = await Host.AddTeamMemberAsync(Contracts.TeamRole.KeyOfficial);
        var newChange = await RequestEmailChangeAsync(newMember.PersonId, Clock.GetUtcNow());

        await Host.Services.GetRequiredService<RetentionJob>().RunOnceAsync(Cancel);

        Assert.Equal(0, await TokensOfAsync(oldMember.PersonId));
        Assert.Equal(0, await LinksOfAsync(oldMember.PersonId));
        Assert.Equal(0, await LinksOfAsync(neverActivated.PersonId));
        Assert.False(await Host.WithDbAsync(db => db.EmailChanges.AnyAsync(c => c.Id == oldChange, Cancel)));

        Assert.NotEqual(0, await TokensOfAsync(newMember.PersonId));
        Assert.Equal(1, await LinksOfAsync(newMember.PersonId));
        Assert.Equal(1, await LinksOfAsync(newInvitee.PersonId));
        Assert.True(await Host.WithDbAsync(db => db.EmailChanges.AnyAsync(c => c.Id == newChange, Cancel)));
    }

    [Fact]
    public async Task Audit_entries_go_after_two_years_and_younger_ones_stay()
    {
        var person = Guid.NewGuid();
        await Host.WithDbAsync(async db =>
        {
            db.Audit("account.disabled", null, person, Clock.GetUtcNow(), new { Step = "old" });
            return await db.SaveChangesAsync(Cancel);
        });
        Clock.Advance(TimeSpan.FromDays(400));
        await Host.WithDbAsync(async db =>
        {
            db.Audit("account.enabled", null, person, Clock.GetUtcNow(), new { Step = "young" });
            return await db.SaveChangesAsync(Cancel);
        });

        Clock.Advance(TimeSpan.FromDays(331));
        await Host.Services.GetRequiredService<RetentionJob>().RunOnceAsync(Cancel);

        var left = await Host.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.SubjectPersonId == person).Select(e => e.Action).ToListAsync(Cancel));
        Assert.Equal(["account.enabled"], left);
    }

    private async Task<int> TokensOfAsync(Guid personId)
    {
        var account = await Host.AccountOfAsync(personId) ?? throw new InvalidOperationException("No account.");
        var subject = account.Id.ToString();
        return await Host.WithDbAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken>()
            .CountAsync(t => t.Subject == subject, Cancel));
    }

    private async Task<int> LinksOfAsync(Guid personId)
    {
        var account = await Host.AccountOfAsync(personId) ?? throw new InvalidOperationException("No account.");
        return await Host.WithDbAsync(db => db.AccountLinkTokens.CountAsync(t => t.AccountId == account.Id, Cancel));
    }

    private Task<Guid> RequestEmailChangeAsync(Guid personId, DateTimeOffset now) =>
        Host.WithDbAsync(async db =>
        {
            var change = EmailChange.Request(
                Guid.NewGuid(), personId, "gammal@region.example", $"ny.{Guid.NewGuid():N}@region.example", SecretTokens.Hash(Guid.NewGuid().ToString()),
                SecretTokens.Hash(Guid.NewGuid().ToString()), now, TimeSpan.FromDays(2));
            db.EmailChanges.Add(change);
            await db.SaveChangesAsync(Cancel);
            return change.Id;
        });
}
