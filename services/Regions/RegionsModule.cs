using KollegialtUtbyte.Regions.Api;
using KollegialtUtbyte.Regions.Application.Audit;
using KollegialtUtbyte.Regions.Data.Seeding;
using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.OpenApi;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.ServiceDefaults.Retention;
using KollegialtUtbyte.ServiceDefaults.Security;

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
        builder.AddRetention<EmailChangeAuditRetention>();
        builder.AddRetention<PersonalDataExportRetention>();
        builder.AddServiceOpenApi(Name);
        builder.AcceptAccessTokensFor(TokenAudiences.Regions);
        builder.AddDatabaseSeeder<RegionsDb, RegionsSeeder>();
        builder.AddConsumersOf<RegionsDb>(Name);
        builder.Services.AddValidation();
        builder.Services.AddOptions<PersonalDataExportOptions>().BindConfiguration(PersonalDataExportOptions.SectionName);
        return builder;
    }

    public static IEndpointRouteBuilder MapRegionsModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RegionsRoutes.Prefix);
        // The order the OpenAPI document lists its tags in (docs/openapi/regions.json).
        api.MapRegionEndpoints();
        api.MapWorkingGroupEndpoints();
        api.MapPersonalDataExportEndpoints();
        api.MapPersonalDataErasureEndpoints();
        api.MapAuditLog<RegionsDb>();
        api.MapOrganisationEndpoints();
        api.MapPeopleEndpoints();
        api.MapProgrammeEndpoints();
        api.MapExchangeEndpoints();
        api.MapTeamEndpoints();
        api.MapFacilitatorEndpoints();
        api.MapOutboxAdministration<RegionsDb>();
        return app;
    }
}
