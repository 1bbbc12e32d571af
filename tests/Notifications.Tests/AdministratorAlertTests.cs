namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>A politician's quota at risk or out of reach is reported to the administrators and the configured addresses.</summary>
public sealed class AdministratorAlertTests
{
    private const string ProgrammeOffice = "programkontoret@tillvaxtverket.example.test";

    [Fact]
    public async Task A_quota_at_risk_is_mailed_to_every_administrator_and_configured_address_once()
    {
        await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Administrators:0"] = ProgrammeOffice,
            ["Notifications:Administrators:1"] = "ADA.ADMIN@tillvaxtverket.example.test",
        });
        var ada = Account("Ada Admin", "ada.admin@tillvaxtverket.example.test", Roles.Administrator);
        var english = Account("Alan Admin", "alan.admin@tillvaxtverket.example.test", Roles.Administrator);
        var member = Account("Tove Team", "tove.team@region.example.test", Roles.TeamMember);
        var demoted = Account("Dan Demoted", "dan@tillvaxtverket.example.test", Roles.Administrator);
        var disabled = Account("Dora Disabled", "dora@tillvaxtverket.example.test", Roles.Administrator);
        await service.PublishAllAsync(ada, english, member, demoted, disabled,
            demoted with { Roles = [Roles.Facilitator], OccurredAt = Given.Now.AddDays(-1) },
            new AccountDisabled(disabled.AccountId, disabled.PersonId, Given.Now.AddDays(-1)),
            new PersonRegistered(english.PersonId, english.Name, english.Email, null, null, null, null, null, "en", null, Given.Now.AddDays(-5)));

        await service.PublishAsync(new PoliticianQuotaStatusChanged(Given.Programme, Guid.NewGuid(), "Region Sörmland", Guid.NewGuid(), "Sven Sörmlänning",
            QuotaStatus.AtRisk, 1, 1, 3, 2, Given.Now));

        var mails = await service.Mailbox.WaitForAsync(3, what: "alerts");
        Assert.Equal(new[] { ada.Email, english.Email, ProgrammeOffice }.Order(), mails.Select(m => m.To.ToLowerInvariant()).Order());
        var toAda = mails.Single(m => m.To == ada.Email);
        Assert.Equal("Närvaron i farozonen: Sven Sörmlänning, Region Sörmland", toAda.Subject);
        Assert.Contains("behöver delta på alla återstående träffar", toAda.PlainText, StringComparison.Ordinal);
        Assert.Contains("Krav: 3 träffar", toAda.PlainText, StringComparison.Ordinal);
        Assert.Equal("Attendance at risk: Sven Sörmlänning, Region Sörmland", mails.Single(m => m.To == english.Email).Subject);
    }

    [Fact]
    public async Task An_unreachable_quota_says_so_and_a_quota_back_on_track_mails_nobody()
    {
        await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?> { ["Notifications:Administrators:0"] = ProgrammeOffice });

        var onTrack = await service.PublishAsync(new PoliticianQuotaStatusChanged(Given.Programme, Guid.NewGuid(), "Region Halland", Guid.NewGuid(), "Hans Halländare",
            QuotaStatus.OnTrack, 3, 2, 3, 4, Given.Now));
        await service.PublishAsync(new PoliticianQuotaStatusChanged(Given.Programme, Guid.NewGuid(), "Region Halland", Guid.NewGuid(), "Hans Halländare",
            QuotaStatus.Unreachable, 0, 0, 3, 2, Given.Now.AddDays(1)));

        var mail = await service.Mailbox.WaitForOneAsync(m => m.To == ProgrammeOffice, "the alert");
        Assert.Equal("Närvarokravet kan inte längre nås: Hans Halländare, Region Halland", mail.Subject);
        Assert.Equal(0, await service.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.DeduplicationKey.StartsWith($"event:{onTrack:N}"))));
    }

    private static AccountRolesChanged Account(string name, string email, string role) =>
        new(Guid.NewGuid(), Guid.NewGuid(), email, name, [role], Given.Now.AddDays(-7));
}
