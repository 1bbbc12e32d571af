namespace KollegialtUtbyte.Meetings.Data;

/// <summary>Builds the context for <c>dotnet ef migrations add</c> (see CONTRIBUTING.md).</summary>
internal sealed class MeetingsDbDesignTimeFactory : DesignTimeDbContextFactory<MeetingsDb>
{
    protected override MeetingsDb Create(DbContextOptions<MeetingsDb> options) => new(options);
}
