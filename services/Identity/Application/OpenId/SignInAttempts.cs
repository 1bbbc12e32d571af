using System.Globalization;
using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace KollegialtUtbyte.Identity.Application.OpenId;

/// <summary>
/// Guessing client secrets at the token endpoint is throttled per client and per address before
/// anything is checked, as passwords are at the sign-in page: beyond the budget the answer is 429
/// with <c>Retry-After</c> and the error <c>slow_down</c>.
/// </summary>
public sealed class SignInAttempts(SignInThrottle throttle, TrustedProxyHeaders proxies) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    private const string RetryAfterProperty = ".ku_retry_after";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        ServerHandlers.Custom<ValidateTokenRequestContext, SignInAttempts>(int.MinValue + 1_000);

    public static OpenIddictServerHandlerDescriptor ResponseDescriptor { get; } =
        ServerHandlers.Custom<ApplyTokenResponseContext, TooManyRequests>(
            OpenIddictServerAspNetCoreHandlers.AttachHttpResponseCode<ApplyTokenResponseContext>.Descriptor.Order + 500);

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        // Codes and refresh tokens are random and long: nothing to guess there.
        var request = context.Transaction.GetHttpRequest();
        if (request is null || context.Request.GrantType is not GrantTypes.ClientCredentials)
        {
            return default;
        }

        if (throttle.SignInAttempt(context.Request.ClientId, proxies.ClientAddress(request)) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            context.Transaction.Properties[RetryAfterProperty] = seconds;
            context.Reject(error: Errors.SlowDown, description: $"Too many sign-in attempts; try again in {seconds} seconds.");
        }

        return default;
    }

    /// <summary>RFC 6585: 429 and how long to wait, instead of the 400 every other error gets.</summary>
    public sealed class TooManyRequests : IOpenIddictServerHandler<ApplyTokenResponseContext>
    {
        public ValueTask HandleAsync(ApplyTokenResponseContext context)
        {
            if (context.Error == Errors.SlowDown && context.Transaction.Properties.TryGetValue(RetryAfterProperty, out var seconds) &&
                context.Transaction.GetHttpRequest()?.HttpContext.Response is { } response)
            {
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = ((int)seconds!).ToString(CultureInfo.InvariantCulture);
            }

            return default;
        }
    }
}
