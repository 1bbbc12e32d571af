using System.Text;
using KollegialtUtbyte.Notifications;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Host;

/// <summary>
/// Once the embedded suite listens, tells a newcomer where the portal is and, in Development,
/// which demo accounts sign in (one per kind of user, read from the seed files) with the one
/// demo password, and where the mails land.
/// </summary>
internal sealed class DemoBanner(
    IServer server,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<NotificationsOptions> notifications,
    ILogger<DemoBanner> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = PrintAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrintAsync()
    {
        try
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var text = new StringBuilder();
            text.AppendLine().AppendLine("Kollegialt utbyte körs / is running:");
            foreach (var address in addresses)
            {
                text.Append("  Portal: ").AppendLine(address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal));
            }

            if (environment.IsDevelopment() && configuration["Identity:DemoPassword"] is { Length: > 0 } demoPassword)
            {
                text.AppendLine($"Demo-inloggningar / demo sign-ins (development only), lösenord / password: {demoPassword}");
                if (configuration["Identity:Administrator:Email"] is { Length: > 0 } administrator)
                {
                    // The administrator is configured apart from the seeded people; say so if its password differs.
                    var password = configuration["Identity:Administrator:Password"];
                    text.AppendLine($"  Administratör / administrator: {administrator}{(password == demoPassword ? "" : $" / {password}")}");
                }

                foreach (var (label, email) in await DemoPeopleAsync())
                {
                    text.AppendLine($"  {label}: {email}");
                }
            }

            var delivery = notifications.Value.Delivery;
            text.AppendLine(delivery.Method == DeliveryMethod.PickupDirectory
                ? $"E-post / mail: skrivs som .eml-filer till / written as .eml files to {delivery.PickupDirectory}"
                : $"E-post / mail: skickas via / sent through {delivery.Smtp.Host}");

            logger.LogInformation("{Banner}", text.ToString());
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            logger.LogWarning(e, "The demo sign-ins could not be read from the seed files");
        }
    }

    private async Task<IReadOnlyList<(string Label, string Email)>> DemoPeopleAsync()
    {
        var people = await SeedFiles.ReadJsonAsync<List<SeedPerson>>(configuration, "regions/people.json", CancellationToken.None);
        string? First(Func<SeedPerson, bool> match) => people.FirstOrDefault(match)?.Email;
        bool Has(SeedPerson p, string role) => p.Teams?.Any(t => t.Role == role) == true;
        var found = new List<(string, string?)>
        {
            ("Processledare / facilitator", First(p => p.Facilitator)),
            ("Projektledare / project leader", First(p => Has(p, "ProjectLeader"))),
            ("Tjänsteperson / key official", First(p => Has(p, "KeyOfficial"))),
            ("Politiker / politician", First(p => Has(p, "Politician"))),
        };
        return found.Where(f => f.Item2 is not null).Select(f => (f.Item1, f.Item2!)).ToList();
    }

    private sealed record SeedPerson(string Email, bool Facilitator, IReadOnlyList<SeedTeam>? Teams);

    private sealed record SeedTeam(string Role);
}
