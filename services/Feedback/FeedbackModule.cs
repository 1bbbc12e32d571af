using KollegialtUtbyte.Feedback.Api;
using KollegialtUtbyte.Feedback.Application.Retention;
using KollegialtUtbyte.Feedback.Application.Rounds;
using KollegialtUtbyte.Feedback.Application.Storage;
using KollegialtUtbyte.ServiceDefaults;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.ServiceDefaults.Retention;
using KollegialtUtbyte.ServiceDefaults.Security;
using KollegialtUtbyte.ServiceDefaults.Uploads;

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
        builder.AddServiceModule<FeedbackDb>(Name, TokenAudiences.Feedback);
        builder.AddDatabaseSeeder<FeedbackDb, LensCatalogueSeeder>();
        builder.Services.AddValidation();
        builder.AddUploadOptions();
        builder.Services.AddOptions<FeedbackOptions>()
            .BindConfiguration(FeedbackOptions.SectionName)
            .Validate(o => o.Rounds.CheckInterval > TimeSpan.Zero, "Feedback:Rounds:CheckInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IDocumentStorage, FileSystemDocumentStorage>();
        builder.Services.AddSingleton<RoundDeadlineSignal>();
        builder.Services.AddHostedService<RoundDeadlineWatcher>();
        builder.AddRetention<DraftVersionRetention>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFeedbackModule(this IEndpointRouteBuilder app)
    {
        // Every endpoint needs a token: without one the answer is a 401 problem.
        var api = app.MapGroup(FeedbackRoutes.Prefix)
            .AddEndpointFilter<AccessDeniedFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapLensEndpoints();
        api.MapDocumentEndpoints();
        api.MapDraftEndpoints();
        api.MapRoundEndpoints();
        api.MapFeedbackEndpoints();
        api.MapLearningLogEndpoints();
        api.MapPriorityEndpoints();
        api.MapEffectsEndpoints();
        api.MapServiceAdministration<FeedbackDb>();
        return app;
    }
}
