using KollegialtUtbyte.Notifications.Api;
using KollegialtUtbyte.Notifications.ApiContracts;
using KollegialtUtbyte.Notifications.Application.Delivery;
using KollegialtUtbyte.Notifications.Application.Mailing;
using KollegialtUtbyte.Notifications.Application.Retention;
using KollegialtUtbyte.Notifications.Application.Scheduling;
using KollegialtUtbyte.ServiceDefaults;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.ServiceDefaults.Retention;
using KollegialtUtbyte.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Notifications;

/// <summary>
/// The notifications service as a module: what it registers and the endpoints it maps. Its own host
/// (Program.cs) and the embedded host both compose it the same way. It reacts to events and mails
/// through a queue in its database; its only API tells administrators which mails failed delivery.
/// </summary>
public static class NotificationsModule
{
    public const string Name = "notifications";

    public static IHostApplicationBuilder AddNotificationsModule(this IHostApplicationBuilder builder)
    {
        builder.AddServiceModule<NotificationsDb>(Name, TokenAudiences.Notifications);
        builder.Services.AddValidation();

        builder.Services.AddOptions<NotificationsOptions>()
            .BindConfiguration(NotificationsOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                // Without a configured directory, mail lands beside the service's database files.
                var dataDirectory = configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.DataDirectory)}"] is { Length: > 0 } configured
                    ? configured
                    : new DatabaseOptions().DataDirectory;
                options.Delivery.PickupDirectory = Path.GetFullPath(options.Delivery.PickupDirectory is { Length: > 0 } pickup
                    ? pickup
                    : Path.Combine(dataDirectory, "mail"));
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NotificationsOptions>, NotificationsOptionsValidator>();

        builder.Services.AddSingleton<NotificationSignals>();
        builder.Services.AddSingleton<WakeOnCommitInterceptor>();
        builder.Services.ConfigureDbContext<NotificationsDb>((services, options) => options.AddInterceptors(services.GetRequiredService<WakeOnCommitInterceptor>()));
        builder.Services.AddSingleton<NotificationMetrics>();
        builder.Services.AddSingleton<IMailTransport, MailKitTransport>();

        builder.Services.AddScoped<LocalCopies>();
        builder.Services.AddScoped<Recipients>();
        builder.Services.AddScoped<ReminderPlanner>();
        builder.Services.AddScoped<MailQueue>();
        builder.Services.AddScoped<ReminderFiring>();

        builder.Services.AddHostedService<MailDispatcher>();
        builder.Services.AddHostedService<ReminderScheduler>();
        builder.AddRetention<LinkTokenRetention>();
        builder.AddRetention<SentMailRetention>();
        return builder;
    }

    public static IEndpointRouteBuilder MapNotificationsModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(NotificationsRoutes.Prefix);
        api.MapFailedMails();
        api.MapServiceAdministration<NotificationsDb>();
        return app;
    }
}
