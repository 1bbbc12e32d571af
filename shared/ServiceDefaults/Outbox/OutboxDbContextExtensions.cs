using System.Diagnostics;
using System.Text.Json;
using MassTransit;

namespace KollegialtUtbyte.ServiceDefaults.Outbox;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Adds an integration event to the outbox. It is published only after the next
    /// <c>SaveChanges</c> commits, together with the state change that raised it; if that
    /// transaction rolls back, the event is never published.
    /// </summary>
    public static void AddEvent<TEvent>(this DbContext db, TEvent @event)
        where TEvent : class
    {
        var type = typeof(TEvent) == typeof(object) ? @event.GetType() : typeof(TEvent);
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = NewId.NextGuid(),
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(@event, type, OutboxJson.Options),
            TraceParent = Activity.Current?.Id,
            TraceState = Activity.Current?.TraceStateString,
        });
    }
}
