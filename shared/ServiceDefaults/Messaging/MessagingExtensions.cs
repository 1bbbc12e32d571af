using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace KollegialtUtbyte.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>The consumers of a service module, found in the assembly of <typeparamref name="TMarker"/>.</summary>
    public static IHostApplicationBuilder AddConsumersOf<TMarker>(this IHostApplicationBuilder builder, string serviceName)
    {
        ConsumerRegistryOf(builder.Services).AddFromAssemblyOf<TMarker>(serviceName);
        return builder;
    }

    /// <summary>One consumer type of a service module.</summary>
    public static IHostApplicationBuilder AddConsumer<TConsumer>(this IHostApplicationBuilder builder, string serviceName)
        where TConsumer : class, IConsumer
    {
        ConsumerRegistryOf(builder.Services).Add(serviceName, typeof(TConsumer));
        return builder;
    }

    /// <summary>
    /// MassTransit over the configured transport with every consumer the modules registered.
    /// Call once, after the modules. <paramref name="hostName"/> prefixes endpoints that belong
    /// to no module (e.g. the Meetings service's own host, or "embedded").
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging(this IHostApplicationBuilder builder, string hostName)
    {
        var settings = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        var registry = ConsumerRegistryOf(builder.Services);

        Action<Action<IBusRegistrationConfigurator>> addMassTransit = settings is { UseTestHarness: true, Transport: MessagingTransport.InMemory }
            ? configure => builder.Services.AddMassTransitTestHarness(configure)
            : configure => builder.Services.AddMassTransit(configure);

        addMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            var endpointNames = new ServiceEndpointNameFormatter(registry, hostName, settings.QueuePrefix);
            x.SetEndpointNameFormatter(endpointNames);
            foreach (var consumer in registry.Consumers.Keys)
            {
                var registration = x.AddConsumer(consumer);
                if (consumer.IsDefined(typeof(ConsumeOneAtATimeAttribute), inherit: false))
                {
                    registration.Endpoint(e => e.ConcurrentMessageLimit = 1);
                }
            }

            x.AddConfigureEndpointsCallback((_, name, endpoint) =>
            {
                endpoint.UseFilter(new InboxConsumerNameFilter(endpointNames.WithoutPrefix(name)));

                // Transient failures are retried in place; what still fails lands in the
                // endpoint's _error queue, where nothing is lost and an operator can replay it.
                endpoint.UseMessageRetry(r => r.Exponential(settings.RetryLimit, settings.RetryMinInterval, settings.RetryMaxInterval, TimeSpan.FromMilliseconds(200)));
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    if (settings.QuorumQueues)
                    {
                        rabbit.SetQuorumQueue();
                    }

                    rabbit.PrefetchCount = settings.PrefetchCount;
                }
            });

            switch (settings.Transport)
            {
                case MessagingTransport.RabbitMq:
                    var uri = settings.RabbitMqUri ?? builder.Configuration.GetConnectionString("rabbitmq")
                        ?? throw new InvalidOperationException("Messaging:Transport is RabbitMq but neither Messaging:RabbitMqUri nor ConnectionStrings:rabbitmq is set.");
                    x.UsingRabbitMq((context, cfg) =>
                    {
                        cfg.Host(new Uri(uri), h => h.PublisherConfirmation = true);
                        cfg.ConfigureJsonSerializerOptions(OutboxJson.Configure);
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                case MessagingTransport.InMemory:
                    x.UsingInMemory((context, cfg) =>
                    {
                        cfg.ConfigureJsonSerializerOptions(OutboxJson.Configure);
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                default:
                    throw new InvalidOperationException($"Unknown messaging transport '{settings.Transport}'.");
            }
        });

        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });

        return builder;
    }

    private static ConsumerRegistry ConsumerRegistryOf(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(ConsumerRegistry))?.ImplementationInstance;
        if (existing is ConsumerRegistry registry)
        {
            return registry;
        }

        registry = new ConsumerRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
