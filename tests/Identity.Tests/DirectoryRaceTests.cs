using KollegialtUtbyte.Identity.Application.Accounts;
using KollegialtUtbyte.Identity.Data;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>
/// PersonRegistered and FacilitatorAdded may bring the same new person at once. On PostgreSQL the
/// later insert of the local copy waits for the first and then uses its row: no duplicate key,
/// no retry of the message.
/// </summary>
public sealed class DirectoryRaceTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_consumers_creating_the_same_local_person_at_once_both_succeed()
    {
        var postgres = await PostgresServer.SharedAsync();
        var database = await postgres.CreateDatabaseAsync("identity");
        await using var issuer = await TestTokenIssuer.StartAsync();
        await using var identity = IdentityHost.InProcess(issuer, s =>
        {
            s["Database:Provider"] = "Postgres";
            s[$"ConnectionStrings:{IdentityModule.Name}"] = database;
        });
        var personId = Guid.NewGuid();

        await using var first = identity.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<IdentityDb>();
        await using var firstTransaction = await firstDb.Database.BeginTransactionAsync(Cancellation);
        await first.ServiceProvider.GetRequiredService<DirectorySync>().PersonAsync(personId, Cancellation);
        await firstDb.SaveChangesAsync(Cancellation);

        await using var second = identity.Services.CreateAsyncScope();
        var secondDb = second.ServiceProvider.GetRequiredService<IdentityDb>();
        var racing = Task.Run(async () =>
        {
            await using var transaction = await secondDb.Database.BeginTransactionAsync(Cancellation);
            await second.ServiceProvider.GetRequiredService<DirectorySync>().PersonAsync(personId, Cancellation);
            await secondDb.SaveChangesAsync(Cancellation);
            await transaction.CommitAsync(Cancellation);
        }, Cancellation);
        await Eventually.UntilAsync(() => WaitingOnALockAsync(identity), "the second insert waits for the first transaction");
        await firstTransaction.CommitAsync(Cancellation);
        await racing;

        Assert.Equal(1, await identity.WithDbAsync(db => db.People.CountAsync(p => p.PersonId == personId, Cancellation)));
    }

    private static Task<bool> WaitingOnALockAsync(IdentityHost identity) =>
        identity.WithDbAsync(async db => await db.Database
            .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
            .SingleAsync(Cancellation) > 0);
}
