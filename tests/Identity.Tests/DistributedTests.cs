using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>The same path on the distributed mode's servers: PostgreSQL and RabbitMQ.</summary>
public sealed class DistributedTests
{
    [Fact]
    public async Task Over_RabbitMQ_and_PostgreSQL_a_new_team_member_gets_an_activation_link_and_signs_in()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var postgres = await PostgresServer.SharedAsync();
        var database = await postgres.CreateDatabaseAsync("identity");
        await using var recorder = await EventRecorder.StartAsync(broker, typeof(AccountProvisioned), typeof(AccountActivationRequested));
        await using var issuer = await TestTokenIssuer.StartAsync();
        await using var identity = IdentityHost.InProcess(issuer, s =>
        {
            foreach (var (key, value) in DistributedSettings.For(IdentityModule.Name, broker, database))
            {
                s[key] = value;
            }
        });
        var personId = Guid.NewGuid();
        var joined = new TeamMemberJoined(Guid.NewGuid(), Guid.NewGuid(), "Region Västerbotten", personId, TeamRole.Politician,
            "Vera Berg", $"vera.{personId:N}@vasterbotten.example", null, "sv", null, DateTimeOffset.UtcNow);

        await identity.Services.GetRequiredService<IBus>().Publish(joined, TestContext.Current.CancellationToken);

        var provisioned = await recorder.WaitForAsync<AccountProvisioned>(p => p.PersonId == personId);
        var activation = await recorder.WaitForAsync<AccountActivationRequested>(a => a.PersonId == personId);
        Assert.Equal([Roles.Politician], provisioned.Roles);
        Assert.Equal(HttpStatusCode.OK, (await identity.ActivateAsync(activation.Token, IdentityHost.Password)).StatusCode);
        var token = Jwt.Read((await identity.SignInAsync(joined.Email, IdentityHost.Password)).AccessToken);
        Assert.Equal(joined.RegionId.ToString(), token.GetClaim(ClaimNames.Region).Value);
    }
}
