using KollegialtUtbyte.Feedback.Data;
using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.Feedback;

/// <summary>
/// The feedback service as a module: what it registers and the endpoints it maps. Its own host
/// (Program.cs) and the embedded host both compose it the same way.
/// </summary>
public static class FeedbackModule
{
    public const string Name = "feedback";

    public static IHostApplicationBuilder AddFeedbackModule(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<FeedbackDb>(Name);
        builder.AddConsumersOf<FeedbackDb>(Name);
        builder.Services.AddValidation();
        return builder;
    }

    public static IEndpointRouteBuilder MapFeedbackModule(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/feedback");
        return app;
    }
}
