using OpenIddict.Server;

namespace KollegialtUtbyte.Identity.Application.OpenId;

/// <summary>How this service's own handlers join OpenIddict's server pipeline.</summary>
internal static class ServerHandlers
{
    /// <summary>A handler of ours, as a singleton, placed by <paramref name="order"/> among OpenIddict's own.</summary>
    public static OpenIddictServerHandlerDescriptor Custom<TContext, THandler>(int order)
        where TContext : OpenIddictServerEvents.BaseContext
        where THandler : class, IOpenIddictServerHandler<TContext> =>
        OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseSingletonHandler<THandler>()
            .SetOrder(order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();
}
