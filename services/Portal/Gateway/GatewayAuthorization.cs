using System.Net.Http.Headers;
using KollegialtUtbyte.Portal.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace KollegialtUtbyte.Portal.Gateway;

/// <summary>
/// Sends a call to the gateway on behalf of the signed-in person: their access token, and their
/// language so that problem details come back in it. Used by <see cref="GatewayClient"/> and, as a
/// handler, by the services' typed clients.
/// </summary>
public sealed class GatewayAuthorization(IHttpContextAccessor accessor) : DelegatingHandler
{
    public static async Task ApplyAsync(HttpContext? context, HttpRequestMessage request)
    {
        var token = context is null ? null : await context.GetTokenAsync(PortalAuthentication.Scheme, "access_token");
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (context?.Request.Headers.AcceptLanguage is { Count: > 0 } language)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language.ToString());
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await ApplyAsync(accessor.HttpContext, request);
        return await base.SendAsync(request, cancellationToken);
    }
}
