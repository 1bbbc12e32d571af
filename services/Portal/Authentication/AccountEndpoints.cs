using KollegialtUtbyte.Portal.Gateway;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace KollegialtUtbyte.Portal.Authentication;

/// <summary>Form posts that set or clear cookies: sign in, sign out, language.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapPortalAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/konto/logga-in", SignInAsync).AllowAnonymous();
        app.MapPost("/konto/logga-ut", SignOutAsync).AllowAnonymous();
        app.MapPost("/konto/sprak", SetLanguage).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext context, TokenClient tokens, TimeProvider time)
    {
        var back = LocalOnly(returnUrl);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return Results.LocalRedirect(SignInPage("missing", email, back));
        }

        var (signedIn, error) = await tokens.SignInAsync(email.Trim(), password, context.RequestAborted);
        if (signedIn is null)
        {
            var reason = error?.Error switch
            {
                "invalid_grant" => "invalid",
                "slow_down" => "throttled",
                _ => "unavailable",
            };
            return Results.LocalRedirect(SignInPage(reason, email, back));
        }

        await context.SignInAsync(PortalAuthentication.Scheme, PortalAuthentication.PrincipalFrom(signedIn.AccessToken), PortalAuthentication.PropertiesFor(signedIn, time));
        return Results.LocalRedirect(back);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, TokenClient tokens)
    {
        var result = await context.AuthenticateAsync(PortalAuthentication.Scheme);
        if (result.Properties?.GetTokenValue("refresh_token") is { Length: > 0 } refreshToken)
        {
            // Signing out ends the session at the identity service too, not just in this browser.
            await tokens.RevokeAsync(refreshToken, context.RequestAborted);
        }

        await context.SignOutAsync(PortalAuthentication.Scheme);
        return Results.LocalRedirect("/");
    }

    private static IResult SetLanguage([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext context)
    {
        var chosen = PortalModule.Cultures.FirstOrDefault(c => c.Name == culture) ?? PortalModule.Cultures[0];
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return Results.LocalRedirect(LocalOnly(returnUrl));
    }

    private static string SignInPage(string error, string? email, string returnUrl) =>
        $"/logga-in?error={error}&email={Uri.EscapeDataString(email ?? "")}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    // Never redirect off-site from a form value.
    private static string LocalOnly(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
