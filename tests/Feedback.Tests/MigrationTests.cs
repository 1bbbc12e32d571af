using KollegialtUtbyte.Feedback.Data;

namespace KollegialtUtbyte.Feedback.Tests;

public sealed class MigrationTests : ServiceMigrationTests<FeedbackDb>
{
    protected override FeedbackDb Create(DbContextOptions<FeedbackDb> options) => new(options);
}
