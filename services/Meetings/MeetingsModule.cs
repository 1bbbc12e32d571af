using KollegialtUtbyte.Meetings.Data;
using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Persistence;

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
        builder.AddServiceDatabase<MeetingsDb>(Name);
        builder.AddConsumersOf<MeetingsDb>(Name);
        builder.Services.AddValidation();
        return builder;
    }

    public static IEndpointRouteBuilder MapMeetingsModule(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/meetings");
        return app;
    }
}
