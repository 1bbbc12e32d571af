using MassTransit;

namespace KollegialtUtbyte.ServiceDefaults.Messaging;

/// <summary>
/// The stable name an <c>IdempotentConsumer</c> keys its inbox records by: its endpoint (queue)
/// name without a deployment's queue prefix, e.g. <c>identity-person-registered</c>.
/// </summary>
public sealed record InboxConsumerName(string Value)
{
    /// <summary>The name carried by the delivery, or else the last segment of the queue it came from.</summary>
    public static string Of(ConsumeContext context) =>
        context.TryGetPayload<InboxConsumerName>(out var name)
            ? name.Value
            : context.ReceiveContext.InputAddress.Segments[^1].TrimEnd('/');
}

/// <summary>Puts the endpoint's <see cref="InboxConsumerName"/> on every delivery it receives.</summary>
internal sealed class InboxConsumerNameFilter(string name) : IFilter<ConsumeContext>
{
    private readonly InboxConsumerName _name = new(name);

    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        context.GetOrAddPayload(() => _name);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inboxConsumerName").Add("name", _name.Value);
}
