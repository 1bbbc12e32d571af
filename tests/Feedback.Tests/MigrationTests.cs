using KollegialtUtbyte.Feedback.Data;
using KollegialtUtbyte.Testing;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Feedback.Tests;

public sealed class MigrationTests : ServiceMigrationTests<FeedbackDb>
{
    protected override FeedbackDb Create(DbContextOptions<FeedbackDb> options) => new(options);
}
