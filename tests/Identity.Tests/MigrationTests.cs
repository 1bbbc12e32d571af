using KollegialtUtbyte.Identity.Data;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Identity.Tests;

public sealed class MigrationTests : MigrationConformanceTests<IdentityDb>
{
    protected override IdentityDb Create(DbContextOptions<IdentityDb> options) => new(options);

    [Fact]
    public async Task Inbox_records_written_under_a_consumers_class_name_are_re_keyed_to_its_endpoint_name()
    {
        var directory = Directory.CreateTempSubdirectory("ku-migrations-").FullName;
        var options = new DbContextOptionsBuilder<IdentityDb>();
        DatabaseProviderSelection.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "identity.db")}");
        await using var db = new IdentityDb(options.Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261206020000_EscalatingLockout", TestContext.Current.CancellationToken);
        var messageId = Guid.NewGuid();
        db.Set<InboxMessage>().Add(new InboxMessage
        {
            MessageId = messageId,
            Consumer = "KollegialtUtbyte.Identity.Consumers.PersonRegisteredConsumer",
            ProcessedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        db.ChangeTracker.Clear();

        await migrator.MigrateAsync("20261206230000_OutboxRetries", TestContext.Current.CancellationToken);

        var applied = await db.Set<InboxMessage>().AsNoTracking().SingleAsync(m => m.MessageId == messageId, TestContext.Current.CancellationToken);
        Assert.Equal("identity-person-registered", applied.Consumer);
    }
}
