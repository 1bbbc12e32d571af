using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Testing;

/// <summary>
/// Counts the database commands each request sends, by a probe header the test sets, so that a
/// test can say how many round trips an endpoint makes (and that an N+1 never comes back).
/// Commands outside a request (the outbox, seeding) are not counted.
/// </summary>
public sealed class DatabaseRoundTrips(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string ProbeHeader = "X-Round-Trip-Probe";

    private readonly ConcurrentDictionary<string, int> _counts = new();

    /// <summary>Counts the commands of <typeparamref name="TDbContext"/> in the service's requests.</summary>
    public static void AddTo<TDbContext>(IServiceCollection services)
        where TDbContext : DbContext
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<DatabaseRoundTrips>();
        services.ConfigureDbContext<TDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<DatabaseRoundTrips>()));
    }

    /// <summary>Commands sent while answering the request that carried <paramref name="probe"/> in <see cref="ProbeHeader"/>.</summary>
    public int Of(string probe) => _counts.GetValueOrDefault(probe);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return base.ReaderExecuting(command, eventData, result);
    }

    private void Count()
    {
        if (http.HttpContext?.Request.Headers[ProbeHeader].ToString() is { Length: > 0 } probe)
        {
            _counts.AddOrUpdate(probe, 1, (_, count) => count + 1);
        }
    }
}
