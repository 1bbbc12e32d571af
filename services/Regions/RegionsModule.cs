using KollegialtUtbyte.Regions.Api;
using KollegialtUtbyte.Regions.Data.Seeding;
using KollegialtUtbyte.ServiceDefaults;
using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Retention;

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
        builder.AddServiceModule<RegionsDb>(Name, TokenAudiences.Regions);
        builder.AddRetention<EmailChangeAuditRetention>();
        builder.AddRetention<PersonalDataExportRetention>();
        builder.AddDatabaseSeeder<RegionsDb, RegionsSeeder>();
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
