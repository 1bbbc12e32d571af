using KollegialtUtbyte.ServiceDefaults.PersonalData;

namespace KollegialtUtbyte.Foundation.Tests;

/// <summary>
/// An erasure also forgets the copies of the person in events a service already delivered, and
/// leaves the events still to be delivered, and those about others, as they are.
/// </summary>
public sealed class PersonalDataErasureTests
{
    [Fact]
    public async Task Dispatched_events_that_mention_the_person_are_deleted_and_the_rest_kept()
    {
        var cancel = TestContext.Current.CancellationToken;
        var file = Path.Combine(Path.GetTempPath(), $"ku-erasure-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SenderDb>();
            DatabaseProviderSelection.Configure(options, DatabaseProvider.Sqlite, $"Data Source={file}");
            await using var db = new SenderDb(options.Options);
            await db.Database.EnsureCreatedAsync(cancel);
            var erased = Guid.NewGuid();
            var other = Guid.NewGuid();
            var dispatched = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
            db.Set<OutboxMessage>().AddRange(
                Row(1, $$"""{"personId":"{{erased}}","name":"Eva Exempel"}""", dispatched),
                Row(2, $$"""{"personId":"{{other}}","name":"Olle Annan"}""", dispatched),
                Row(3, $$"""{"personId":"{{erased}}","name":"Eva Exempel"}""", dispatchedAt: null));
            await db.SaveChangesAsync(cancel);

            Assert.Equal(1, await db.ForgetDispatchedEventsAboutAsync(erased, cancel));

            var left = await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.SequenceNumber).Select(m => m.SequenceNumber).ToListAsync(cancel);
            Assert.Equal([2L, 3L], left);
            Assert.Equal(0, await db.ForgetDispatchedEventsAboutAsync(erased, cancel));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static OutboxMessage Row(long sequenceNumber, string body, DateTime? dispatchedAt) => new()
    {
        SequenceNumber = sequenceNumber,
        MessageId = Guid.NewGuid(),
        MessageType = "KollegialtUtbyte.Contracts.PersonUpdated, KollegialtUtbyte.Contracts",
        Body = body,
        CreatedAt = new DateTime(2026, 12, 1, 11, 0, 0, DateTimeKind.Utc),
        DispatchedAt = dispatchedAt,
    };
}
