using KollegialtUtbyte.SharedKernel;
using Microsoft.Data.Sqlite;

namespace KollegialtUtbyte.Foundation.Tests;

/// <summary>
/// Every service refuses a change based on a version the client has not got, the same way: at once
/// when the loaded aggregate is already newer, and at save when someone else saved in between.
/// </summary>
public sealed class OptimisticConcurrencyTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = Open();
        await db.Database.EnsureCreatedAsync();
        db.Notes.Add(new Note { Id = 1, Text = "Första" });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task A_change_based_on_the_current_version_is_saved_and_moves_the_version_on()
    {
        await using var db = Open();
        var note = await db.Notes.SingleAsync(TestContext.Current.CancellationToken);

        db.ExpectVersion(note, 1);
        note.Text = "Andra";
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, (await ReadAsync()).Version);
    }

    [Fact]
    public async Task A_change_based_on_an_older_version_is_refused_before_anything_changes()
    {
        await using var db = Open();
        var note = await db.Notes.SingleAsync(TestContext.Current.CancellationToken);

        var refused = Assert.Throws<DbUpdateConcurrencyException>(() => db.ExpectVersion(note, 0));

        Assert.Contains("version 1", refused.Message, StringComparison.Ordinal);
        Assert.Equal(("Första", 1L), (note.Text, note.Version));
        Assert.Equal(EntityState.Unchanged, db.Entry(note).State);
    }

    [Fact]
    public async Task A_save_by_someone_else_between_reading_and_saving_refuses_the_second_save()
    {
        await using var mine = Open();
        var note = await mine.Notes.SingleAsync(TestContext.Current.CancellationToken);
        mine.ExpectVersion(note, 1);

        await using (var theirs = Open())
        {
            var their = await theirs.Notes.SingleAsync(TestContext.Current.CancellationToken);
            their.Text = "Deras";
            await theirs.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        note.Text = "Min";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => mine.SaveChangesAsync(TestContext.Current.CancellationToken));
        var stored = await ReadAsync();
        Assert.Equal(("Deras", 2L), (stored.Text, stored.Version));
    }

    private async Task<Note> ReadAsync()
    {
        await using var db = Open();
        return await db.Notes.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
    }

    private NotesDb Open() =>
        new(new DbContextOptionsBuilder<NotesDb>().UseSqlite(_connection).AddInterceptors(new VersioningInterceptor()).Options);

    private sealed class Note : IVersioned
    {
        public int Id { get; set; }

        public string Text { get; set; } = "";

        public long Version { get; set; }
    }

    private sealed class NotesDb(DbContextOptions<NotesDb> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Note>().Property(n => n.Version).IsConcurrencyToken();
    }
}
