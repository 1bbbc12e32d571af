using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>Settings that would lose or misdirect mail stop the service at start, saying which setting is wrong.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Notifications:Delivery:Method", "Smtp", "Notifications:Delivery:Smtp:Host is required")]
    [InlineData("Notifications:PublicBaseUrl", "/relative", "Notifications:PublicBaseUrl must be an absolute")]
    [InlineData("Notifications:Sender:Address", "not an address", "Notifications:Sender:Address")]
    [InlineData("Notifications:MeetingReminders:0", "-1.00:00:00", "Reminder lead times")]
    public async Task A_service_with_unusable_settings_refuses_to_start(string key, string value, string complaint)
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?> { [key] = value });
        });

        var validation = Assert.IsType<OptionsValidationException>(exception.GetBaseException(), exactMatch: false);
        Assert.Contains(validation.Failures, f => f.Contains(complaint, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Retention:SentMails", "-1.00:00:00")]
    [InlineData("Retention:LinkTokens", "soon")]
    [InlineData("Retention:Audit", "-00:00:01")]
    public async Task A_retention_period_that_is_negative_or_unreadable_refuses_to_start(string key, string value)
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?> { [key] = value });
        });

        Assert.Contains(key, exception.GetBaseException().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Security", "None")]
    [InlineData("EnableTls", "false")]
    public async Task Mail_to_a_remote_SMTP_server_without_TLS_is_refused_at_start(string key, string value)
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?>
            {
                ["Notifications:Delivery:Method"] = "Smtp",
                ["Notifications:Delivery:Smtp:Host"] = "smtp.region.example.test",
                [$"Notifications:Delivery:Smtp:{key}"] = value,
            });
        });

        var validation = Assert.IsType<OptionsValidationException>(exception.GetBaseException(), exactMatch: false);
        Assert.Contains(validation.Failures, f => f.Contains("Notifications:Delivery:Smtp:Security None", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_local_mail_catcher_without_TLS_is_accepted_when_allowed_explicitly()
    {
        await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Delivery:Method"] = "Smtp",
            ["Notifications:Delivery:Smtp:Host"] = "mailpit",
            ["Notifications:Delivery:Smtp:Security"] = "None",
            ["Notifications:Delivery:Smtp:AllowUnencrypted"] = "true",
        });

        Assert.Equal(SmtpSecurity.None, service.Services.GetRequiredService<IOptions<NotificationsOptions>>().Value.Delivery.Smtp.EffectiveSecurity);
    }
}
