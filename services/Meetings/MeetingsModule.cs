using KollegialtUtbyte.Meetings.Api;
using KollegialtUtbyte.ServiceDefaults;
using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Meetings;

/// <summary>
/// The meetings service as a module: what it registers and the endpoints it maps. Its own host
/// (Program.cs) and the embedded host both compose it the same way.
/// </summary>
public static class MeetingsModule
{
    public const string Name = "meetings";

    public static IHostApplicationBuilder AddMeetingsModule(this IHostApplicationBuilder builder)
    {
        builder.AddServiceModule<MeetingsDb>(Name, TokenAudiences.Meetings);
        builder.AddDatabaseSeeder<MeetingsDb, MeetingsSeeder>();
        builder.Services.AddValidation();
        builder.Services.AddOptions<MeetingsOptions>()
            .BindConfiguration(MeetingsOptions.SectionName)
            .Validate(o => IsValidPattern(o.RegistryNumberPattern), "Meetings:RegistryNumberPattern is not a valid registry number pattern (it needs {seq}).")
            .ValidateOnStart();
        builder.Services.AddOptions<ActionReminderOptions>()
            .BindConfiguration(ActionReminderOptions.SectionName)
            .Validate(o => o.DaysBefore >= 0 && o.CheckInterval > TimeSpan.Zero, "Meetings:ActionReminders needs DaysBefore >= 0 and a positive CheckInterval.")
            .ValidateOnStart();
        builder.Services.AddHostedService<ActionReminderWatcher>();
        builder.Services.AddScoped<InvitationWorkflow>();
        builder.Services.AddScoped<PoliticianQuotas>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMeetingsModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(MeetingsRoutes.Prefix);
        api.MapProgrammes();
        api.MapMeetings();
        api.MapAgenda();
        api.MapInvitations();
        api.MapOneClickAnswers();
        api.MapAttendance();
        api.MapActions();
        api.MapCalendar();
        api.MapStatistics();
        api.MapEffects();
        api.MapServiceAdministration<MeetingsDb>();

        // Last, so the OpenAPI document lists its tags in the order it always has (the order of mapping).
        api.MapQuota();
        api.MapDocumentation();
        return app;
    }

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Domain.RegistryNumberPattern(pattern);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
