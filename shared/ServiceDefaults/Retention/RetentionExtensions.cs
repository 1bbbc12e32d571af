using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KollegialtUtbyte.ServiceDefaults.Retention;

public static class RetentionExtensions
{
    /// <summary>Adds a kind of data the service's retention job deletes after its period (one job per service).</summary>
    public static IHostApplicationBuilder AddRetention<TRule>(this IHostApplicationBuilder builder)
        where TRule : class, IRetentionRule
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<RetentionPeriods>();
        builder.Services.AddSingleton<IRetentionRule, TRule>();
        if (!builder.Services.Any(d => d.ServiceType == typeof(RetentionJob)))
        {
            builder.Services.AddSingleton<RetentionJob>();
            builder.Services.AddHostedService(services => services.GetRequiredService<RetentionJob>());
        }

        return builder;
    }
}
