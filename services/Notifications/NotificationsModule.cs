using KollegialtUtbyte.Notifications.Data;
using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.Notifications;

/// <summary>
/// The notifications service as a module: what it registers and the endpoints it maps. Its own host
/// (Program.cs) and the embedded host both compose it the same way.
/// </summary>
public static class NotificationsModule
{
    public const string Name = "notifications";

    public static IHostApplicationBuilder AddNotificationsModule(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDb>(Name);
        builder.AddConsumersOf<NotificationsDb>(Name);
        builder.Services.AddValidation();
        return builder;
    }

    public static IEndpointRouteBuilder MapNotificationsModule(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/notifications");
        return app;
    }
}
