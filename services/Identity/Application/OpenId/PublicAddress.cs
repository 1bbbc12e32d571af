using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace KollegialtUtbyte.Identity.Application.OpenId;

/// <summary>
/// Makes the provider see every request at the suite's public address: <c>Identity:Issuer</c>
/// (the gateway's URL), else the address a trusted proxy says the caller used. So the issuer and
/// every URL in the discovery document are public, even when the document is read on the
/// service's internal address; clients never learn or call internal addresses.
/// </summary>
public sealed class PublicAddress(IOptions<IdentityOptions> settings, TrustedProxyHeaders proxies) : IOpenIddictServerHandler<ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        ServerHandlers.Custom<ProcessRequestContext, PublicAddress>(OpenIddictServerAspNetCoreHandlers.ResolveRequestUri.Descriptor.Order + 1);

    /// <summary>Refuses plain http at the public address unless <c>Auth:RequireHttpsMetadata</c> is off (development, tests).</summary>
    public static OpenIddictServerHandlerDescriptor TransportSecurityDescriptor { get; } =
        ServerHandlers.Custom<ProcessRequestContext, TransportSecurity>(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 1);

    public ValueTask HandleAsync(ProcessRequestContext context)
    {
        if (Resolve(context.Transaction.GetHttpRequest(), settings.Value, proxies) is ({ } baseUri, { } requestUri))
        {
            context.BaseUri = baseUri;
            context.RequestUri = requestUri;
        }

        return default;
    }

    /// <summary>
    /// The suite's public base and this request's URI at it: the configured issuer, else what a
    /// trusted proxy forwarded; null when neither is known, or outside an HTTP request.
    /// </summary>
    internal static (Uri BaseUri, Uri RequestUri)? Resolve(HttpRequest? request, IdentityOptions settings, TrustedProxyHeaders proxies)
    {
        if (request is null)
        {
            return null;
        }

        var publicBase = settings.Issuer is { Length: > 0 } configured ? configured.TrimEnd('/') : proxies.PublicBaseUrl(request);
        return publicBase is null
            ? null
            : (new Uri(publicBase + "/", UriKind.Absolute), new Uri(publicBase + request.Path.ToUriComponent() + request.QueryString.ToUriComponent(), UriKind.Absolute));
    }

    public sealed class TransportSecurity(IConfiguration configuration) : IOpenIddictServerHandler<ProcessRequestContext>
    {
        private readonly bool _required = configuration.GetValue("Auth:RequireHttpsMetadata", true);

        public ValueTask HandleAsync(ProcessRequestContext context)
        {
            if (_required && context.EndpointType is not OpenIddictServerEndpointType.Unknown && context.RequestUri?.Scheme != Uri.UriSchemeHttps)
            {
                context.Reject(error: Errors.InvalidRequest, description: "The provider is used over https only.");
            }

            return default;
        }
    }
}
