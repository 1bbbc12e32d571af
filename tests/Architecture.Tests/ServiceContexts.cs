using KollegialtUtbyte.Feedback.Data;
using KollegialtUtbyte.Identity.Data;
using KollegialtUtbyte.Meetings.Data;
using KollegialtUtbyte.Notifications.Data;
using KollegialtUtbyte.Regions.Data;

namespace KollegialtUtbyte.Architecture.Tests;

/// <summary>Every service's DbContext on a provider, configured as the service configures it, never connected.</summary>
internal static class ServiceContexts
{
    public static readonly string[] Services = ["regions", "meetings", "feedback", "identity", "notifications"];

    public static DbContext Create(string service, DatabaseProvider provider) => service switch
    {
        "regions" => new RegionsDb(Options<RegionsDb>(provider)),
        "meetings" => new MeetingsDb(Options<MeetingsDb>(provider)),
        "feedback" => new FeedbackDb(Options<FeedbackDb>(provider)),
        "identity" => new IdentityDb(Options<IdentityDb>(provider)),
        "notifications" => new NotificationsDb(Options<NotificationsDb>(provider)),
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    private static DbContextOptions<T> Options<T>(DatabaseProvider provider)
        where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        DatabaseProviderSelection.Configure(options, provider, provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=unopened.db",
            DatabaseProvider.Postgres => "Host=postgres.invalid;Database=ku",
            _ => "Server=sqlserver.invalid;Initial Catalog=ku;TrustServerCertificate=true",
        });
        return options.Options;
    }
}
