using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.Feedback.Data;

/// <summary>Builds the context for <c>dotnet ef migrations add</c> (see CONTRIBUTING.md).</summary>
internal sealed class FeedbackDbDesignTimeFactory : DesignTimeDbContextFactory<FeedbackDb>
{
    protected override FeedbackDb Create(DbContextOptions<FeedbackDb> options) => new(options);
}
