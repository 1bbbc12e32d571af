using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KollegialtUtbyte.ServiceDefaults.Persistence;

public static class PersistenceExtensions
{
    private static readonly AuditAppendOnlyInterceptor AppendOnlyAudit = new();

    /// <summary>
    /// The service's own database on the configured provider: migrated and seeded at start,
    /// checked by <c>/health/ready</c>, versioned aggregates under optimistic concurrency and,
    /// when the context maps the outbox, a dispatcher that publishes its events.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string serviceName)
        where TDbContext : DbContext
    {
        var settings = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = DatabaseProviderSelection.ResolveConnectionString(builder.Configuration, settings, serviceName);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<VersioningInterceptor>();
        builder.Services.TryAddSingleton(settings);
        builder.Services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.Retention = new RetentionPeriods(configuration).For(OutboxOptions.RetentionKind, options.Retention));

        var hasOutbox = typeof(IOutboxDbContext).IsAssignableFrom(typeof(TDbContext));
        if (hasOutbox)
        {
            builder.Services.TryAddSingleton<OutboxSignal<TDbContext>>();
            builder.Services.TryAddSingleton<OutboxSignalInterceptor<TDbContext>>();
            builder.Services.TryAddSingleton<OutboxClockInterceptor>();
        }

        builder.Services.AddDbContext<TDbContext>((services, options) =>
        {
            DatabaseProviderSelection.Configure(options, settings.Provider, connectionString);
            options.AddInterceptors(services.GetRequiredService<VersioningInterceptor>(), AppendOnlyAudit);
            if (hasOutbox)
            {
                options.AddInterceptors(
                    services.GetRequiredService<OutboxSignalInterceptor<TDbContext>>(),
                    services.GetRequiredService<OutboxClockInterceptor>());
            }
        });

        builder.Services.AddHostedService<DatabaseMigrator<TDbContext>>();
        if (typeof(IAuditedDbContext).IsAssignableFrom(typeof(TDbContext)))
        {
            builder.AddRetention<AuditRetention<TDbContext>>();
        }
        if (hasOutbox)
        {
            builder.Services.AddHostedService<OutboxDispatcher<TDbContext>>();
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>($"{serviceName}-database", tags: [HealthTags.Ready]);
        if (hasOutbox)
        {
            builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck<TDbContext>>($"{serviceName}-outbox", tags: [HealthTags.Ready]);
        }

        return builder;
    }

    /// <summary>Registers an idempotent seeder run after the migrations of <typeparamref name="TDbContext"/>.</summary>
    public static IHostApplicationBuilder AddDatabaseSeeder<TDbContext, TSeeder>(this IHostApplicationBuilder builder)
        where TDbContext : DbContext
        where TSeeder : class, IDatabaseSeeder<TDbContext>
    {
        builder.Services.AddScoped<IDatabaseSeeder<TDbContext>, TSeeder>();
        return builder;
    }
}

public static class HealthTags
{
    /// <summary>Checks that must pass before the service takes traffic (database, broker).</summary>
    public const string Ready = "ready";
}
