using KollegialtUtbyte.Notifications.Data;
using KollegialtUtbyte.Notifications.Mailing;
using KollegialtUtbyte.Notifications.Tests.Kit;
using KollegialtUtbyte.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>
/// Two events that bring the same new person at once (PersonRegistered and FacilitatorAdded) both
/// apply on PostgreSQL without a key violation: the later insert waits for the first, then
/// updates the row the first one wrote.
/// </summary>
public sealed class LocalCopyRaceTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_consumers_inserting_the_same_new_person_at_once_both_succeed()
    {
        var postgres = await PostgresServer.SharedAsync();
        await using var service = await NotificationsService.StartAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            [$"ConnectionStrings:{NotificationsModule.Name}"] = await postgres.CreateDatabaseAsync("notifications"),
        });
        var personId = Guid.NewGuid();

        await using var first = service.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<NotificationsDb>();
        await using var firstTransaction = await firstDb.Database.BeginTransactionAsync(Cancellation);
        await first.ServiceProvider.GetRequiredService<LocalCopies>()
            .UpsertPersonAsync(personId, "Agnes Fors", "agnes@example.test", "sv", Given.Now, Cancellation);
        await firstDb.SaveChangesAsync(Cancellation);

        // The second consumer misses the uncommitted row, inserts too and waits on the first's key.
        await using var second = service.Services.CreateAsyncScope();
        var secondDb = second.ServiceProvider.GetRequiredService<NotificationsDb>();
        var racing = Task.Run(async () =>
        {
            await using var transaction = await secondDb.Database.BeginTransactionAsync(Cancellation);
            await second.ServiceProvider.GetRequiredService<LocalCopies>()
                .UpsertPersonAsync(personId, "Agnes Fors", "agnes.fors@example.test", "sv", Given.Now.AddMinutes(1), Cancellation);
            await secondDb.SaveChangesAsync(Cancellation);
            await transaction.CommitAsync(Cancellation);
        }, Cancellation);
        await Eventually.UntilAsync(() => WaitingOnALockAsync(service), "the second insert waits for the first transaction");
        await firstTransaction.CommitAsync(Cancellation);
        await racing;

        var person = await service.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.PersonId == personId, Cancellation));
        Assert.Equal("agnes.fors@example.test", person.Email);
    }

    private static Task<bool> WaitingOnALockAsync(NotificationsService service) =>
        service.QueryAsync(async db => await db.Database
            .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
            .SingleAsync(Cancellation) > 0);
}
