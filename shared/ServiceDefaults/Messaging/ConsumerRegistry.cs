using MassTransit;

namespace KollegialtUtbyte.ServiceDefaults.Messaging;

/// <summary>
/// The consumers each service module brought, and which service they belong to. One host may
/// carry several modules (the embedded mode), each keeping its own queues by name prefix.
/// </summary>
public sealed class ConsumerRegistry
{
    private readonly Dictionary<Type, string> _serviceByConsumer = [];

    public IReadOnlyDictionary<Type, string> Consumers => _serviceByConsumer;

    public void Add(string serviceName, Type consumerType)
    {
        if (!typeof(IConsumer).IsAssignableFrom(consumerType))
        {
            throw new ArgumentException($"{consumerType} is not a MassTransit consumer.", nameof(consumerType));
        }

        _serviceByConsumer[consumerType] = serviceName;
    }

    public void AddFromAssemblyOf<TMarker>(string serviceName)
    {
        foreach (var type in typeof(TMarker).Assembly.GetTypes())
        {
            if (type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IConsumer).IsAssignableFrom(type))
            {
                Add(serviceName, type);
            }
        }
    }

    public string? ServiceOf(Type consumerType) => _serviceByConsumer.GetValueOrDefault(consumerType);
}
