using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.OpenApi;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.ServiceDefaults.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace KollegialtUtbyte.ServiceDefaults;

/// <summary>What every service module registers and maps alike, whichever host composes it.</summary>
public static class ServiceModuleExtensions
{
    /// <summary>
    /// The module's database (with outbox and inbox), its OpenAPI document, access tokens for its
    /// audience and the consumers in the assembly of <typeparamref name="TDbContext"/>. The module
    /// still calls <c>builder.Services.AddValidation()</c> itself: the validation generator only
    /// sees the request types of the project that makes the call.
    /// </summary>
    public static IHostApplicationBuilder AddServiceModule<TDbContext>(this IHostApplicationBuilder builder, string name, string audience)
        where TDbContext : DbContext
    {
        builder.AddServiceDatabase<TDbContext>(name);
        builder.AddServiceOpenApi(name);
        builder.AcceptAccessTokensFor(audience);
        builder.AddConsumersOf<TDbContext>(name);
        return builder;
    }

    /// <summary>The administrators' endpoints of a module, under its API prefix: parked outbox messages, then the audit log.</summary>
    public static IEndpointRouteBuilder MapServiceAdministration<TDbContext>(this IEndpointRouteBuilder group)
        where TDbContext : DbContext, IAuditedDbContext
    {
        group.MapOutboxAdministration<TDbContext>();
        group.MapAuditLog<TDbContext>();
        return group;
    }
}
