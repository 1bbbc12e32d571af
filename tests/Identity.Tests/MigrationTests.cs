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

    [Fact]
    public async Task Dropping_the_old_refresh_tokens_keeps_the_accounts()
    {
        var directory = Directory.CreateTempSubdirectory("ku-migrations-").FullName;
        var options = new DbContextOptionsBuilder<IdentityDb>();
        DatabaseProviderSelection.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "identity.db")}");
        await using var db = new IdentityDb(options.Options);
        var migrator = db.GetService<IMigrator>();
        var cancel = TestContext.Current.CancellationToken;
        await migrator.MigrateAsync("20261206230000_OutboxRetries", cancel);
        var accountId = Guid.NewGuid();
        db.Users.Add(new Account
        {
            Id = accountId,
            PersonId = accountId,
            Name = "Eva Lindqvist",
            UserName = "eva@regionvarmland.example",
            NormalizedUserName = "EVA@REGIONVARMLAND.EXAMPLE",
            Email = "eva@regionvarmland.example",
            NormalizedEmail = "EVA@REGIONVARMLAND.EXAMPLE",
            EmailConfirmed = true,
            PasswordHash = "hash",
            CreatedAt = DateTimeOffset.UtcNow,
            Version = 1,
        });
        await db.SaveChangesAsync(cancel);
        db.ChangeTracker.Clear();
        var tables = await TablesAsync(db);
        Assert.Contains("RefreshTokens", tables);

        await migrator.MigrateAsync(cancellationToken: cancel);

        Assert.DoesNotContain("RefreshTokens", await TablesAsync(db));
        var account = await db.Users.AsNoTracking().SingleAsync(a => a.Id == accountId, cancel);
        Assert.Equal("eva@regionvarmland.example", account.Email);
        Assert.True(account.EmailConfirmed);
    }

    private static Task<List<string>> TablesAsync(IdentityDb db) =>
        db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync(TestContext.Current.CancellationToken);
}
