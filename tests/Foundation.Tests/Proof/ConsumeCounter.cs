using System.Collections.Concurrent;
using MassTransit;

namespace KollegialtUtbyte.Foundation.Tests.Proof;

/// <summary>Counts completed deliveries per message id, whether the consumer applied them or skipped them.</summary>
public sealed class ConsumeCounter : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _completed = new();

    public int CompletedFor(Guid messageId) => _completed.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.MessageId is { } id)
        {
            _completed.AddOrUpdate(id, 1, (_, n) => n + 1);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
