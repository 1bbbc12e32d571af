using KollegialtUtbyte.ServiceDefaults.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace KollegialtUtbyte.Portal.Authentication;

/// <summary>Form posts that clear or set cookies: sign out, language.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapPortalAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Signing in happens at the identity service's page: the portal only sends the person there.
        app.MapGet("/logga-in", SignIn).AllowAnonymous().WithSecurityHeaders();
        var account = app.MapGroup("/konto").AllowAnonymous().WithSecurityHeaders();
        account.MapPost("/logga-ut", SignOutAsync);
        account.MapPost("/sprak", SetLanguage);
        return app;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, TokenClient tokens, IAntiforgery antiforgery)
    {
        // The form carries no other field, so nothing binds that would make the framework check the
        // token: without this, any site could sign a person out with a hidden form.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The sign-out form's antiforgery token is missing or invalid.",
                detail: $"Sign out with the form on the portal's pages; it sends {Team.DocumentFileEndpoints.TokenField}.");
        }

        var result = await context.AuthenticateAsync(PortalAuthentication.Scheme);
        if (result.Properties?.GetTokenValue("refresh_token") is { Length: > 0 } refreshToken)
        {
            // Signing out ends the session at the identity service too, not just in this browser.
            await tokens.RevokeAsync(refreshToken, context.RequestAborted);
        }

        // Then at the provider, whose session would otherwise sign the person straight back in.
        await context.SignOutAsync(PortalAuthentication.Scheme);
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [PortalAuthentication.OpenIdScheme]);
    }

    private static IResult SignIn(string? returnUrl) =>
        Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [PortalAuthentication.OpenIdScheme]);

    private static IResult SetLanguage([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext context)
    {
        var chosen = PortalModule.Cultures.FirstOrDefault(c => c.Name == culture) ?? PortalModule.Cultures[0];
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
        return Results.LocalRedirect(LocalOnly(returnUrl));
    }

    // Never redirect off-site from a form value.
    private static string LocalOnly(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
