using KollegialtUtbyte.Regions.Data;
using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.Regions;

/// <summary>
/// The regions service as a module: what it registers and the endpoints it maps. Its own host
/// (Program.cs) and the embedded host both compose it the same way.
/// </summary>
public static class RegionsModule
{
    public const string Name = "regions";

    public static IHostApplicationBuilder AddRegionsModule(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RegionsDb>(Name);
        builder.AddConsumersOf<RegionsDb>(Name);
        builder.Services.AddValidation();
        return builder;
    }

    public static IEndpointRouteBuilder MapRegionsModule(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/regions");
        return app;
    }
}
