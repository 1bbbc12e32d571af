using KollegialtUtbyte.Identity.Data;
using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.Identity;

/// <summary>
/// The identity service as a module: what it registers and the endpoints it maps. Its own host
/// (Program.cs) and the embedded host both compose it the same way.
/// </summary>
public static class IdentityModule
{
    public const string Name = "identity";

    public static IHostApplicationBuilder AddIdentityModule(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityDb>(Name);
        builder.AddConsumersOf<IdentityDb>(Name);
        builder.Services.AddValidation();
        return builder;
    }

    public static IEndpointRouteBuilder MapIdentityModule(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/identity");
        return app;
    }
}
