using KollegialtUtbyte.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KollegialtUtbyte.ServiceDefaults.Outbox;

/// <summary>A parked outbox row as an administrator sees it (the body stays in the database: it may hold link secrets).</summary>
public sealed record ParkedOutboxMessage(
    long SequenceNumber, Guid MessageId, string MessageType, DateTime CreatedAt, DateTime ParkedAt, int Attempts, string? LastError);

public static class OutboxAdministration
{
    /// <summary>
    /// <c>GET {group}/admin/outbox/parked</c> lists the service's parked rows;
    /// <c>POST {group}/admin/outbox/parked/{sequenceNumber}/requeue</c> gives one a fresh set of
    /// attempts. Administrators only; mapped under the service's API prefix so the gateway route
    /// of the service reaches it.
    /// </summary>
    public static IEndpointRouteBuilder MapOutboxAdministration<TDbContext>(this IEndpointRouteBuilder group)
        where TDbContext : DbContext
    {
        var admin = group.MapGroup("/admin/outbox/parked").RequireAuthorization(Policies.Administrator).WithTags("Outbox");
        // The handlers take the context from the request's services: route handlers with a generic
        // parameter type trip the framework's route analyzer.
        admin.MapGet("/", (HttpContext http, CancellationToken cancellationToken) => ListParkedAsync(http.RequestServices.GetRequiredService<TDbContext>(), cancellationToken));
        admin.MapPost("/{sequenceNumber:long}/requeue", (long sequenceNumber, HttpContext http) =>
            RequeueAsync(sequenceNumber, http.RequestServices.GetRequiredService<TDbContext>(), () => http.RequestServices.GetService<OutboxSignal<TDbContext>>()?.Notify(), http.RequestAborted));
        return group;
    }

    private static async Task<Ok<List<ParkedOutboxMessage>>> ListParkedAsync(DbContext db, CancellationToken cancellationToken)
    {
        var parked = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ParkedAt != null && m.DispatchedAt == null)
            .OrderBy(m => m.SequenceNumber)
            .Take(500)
            .Select(m => new ParkedOutboxMessage(m.SequenceNumber, m.MessageId, m.MessageType, m.CreatedAt, m.ParkedAt!.Value, m.Attempts, m.LastError))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(parked);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RequeueAsync(
        long sequenceNumber, DbContext db, Action wakeDispatcher, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.SequenceNumber == sequenceNumber, cancellationToken);
        if (message is not { ParkedAt: not null, DispatchedAt: null })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"No parked outbox message has sequence number {sequenceNumber}.");
        }

        message.ParkedAt = null;
        message.NextAttemptAt = null;
        message.Attempts = 0;
        await db.SaveChangesAsync(cancellationToken);
        OutboxMetrics.Requeued.Add(1);
        wakeDispatcher();
        return TypedResults.NoContent();
    }
}
