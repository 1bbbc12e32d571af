using System.Globalization;
using System.Security.Claims;
using KollegialtUtbyte.Identity.Accounts;
using KollegialtUtbyte.Identity.Domain;
using KollegialtUtbyte.Identity.OpenId;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace KollegialtUtbyte.Identity.Api;

/// <summary>
/// The provider's sign-in page: a plain HTML form (e-mail address and password, the antiforgery
/// token as a hidden input) that works without JavaScript. A successful sign-in sets the
/// provider's session cookie and returns to the authorization request it came from.
/// </summary>
public static class SignInPage
{
    public const string Path = "/account/sign-in";
    public const string ReturnUrlField = "returnUrl";

    public static IEndpointRouteBuilder MapSignInPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).AllowAnonymous();

        // The antiforgery token is checked below, so that a missing one gets the page, not an exception.
        app.MapPost(Path, SignInAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// Where an authorization request is sent to sign in first, in the language the client asked
    /// for (<c>ui_locales</c>); it comes back to <paramref name="returnUrl"/>.
    /// </summary>
    public static string For(HttpRequest request, string returnUrl, string? language) =>
        $"{request.PathBase}{Path}?{ReturnUrlField}={Uri.EscapeDataString(returnUrl)}" +
        (language is Languages.Swedish or Languages.English ? "&lang=" + language : "");

    private static IResult Show(HttpContext http, IAntiforgery antiforgery)
    {
        var texts = HtmlPage.TextsFor(http.Request);
        var returnUrl = LocalAuthorizationRequest(http, HtmlPage.Single(http.Request.Query, ReturnUrlField));
        return Page(http, antiforgery, texts, returnUrl, email: null, error: null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, IAntiforgery antiforgery, Passwords passwords, SignInThrottle throttle, TrustedProxyHeaders proxies)
    {
        var form = await AccountPages.ReadFormAsync(http);
        if (form is null)
        {
            return AccountPages.BadFormPage(http);
        }

        var texts = HtmlPage.TextsFor(http.Request, HtmlPage.Single(form, "lang"));
        var returnUrl = LocalAuthorizationRequest(http, HtmlPage.Single(form, ReturnUrlField));
        var email = HtmlPage.Single(form, "username")?.Trim();
        var password = HtmlPage.Single(form, "password");
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Page(http, antiforgery, texts, returnUrl, email, Words(texts).Expired, StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            return Page(http, antiforgery, texts, returnUrl, email, Words(texts).Missing, StatusCodes.Status400BadRequest);
        }

        if (throttle.SignInAttempt(email, proxies.ClientAddress(http.Request)) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Page(http, antiforgery, texts, returnUrl, email, Words(texts).Throttled, StatusCodes.Status429TooManyRequests);
        }

        var result = await passwords.SignInAsync(email, password, http.RequestAborted);
        if (result.Outcome != SignInOutcome.Succeeded)
        {
            // One answer for an unknown account, a wrong password, a locked or a disabled account.
            return Page(http, antiforgery, texts, returnUrl, email, Words(texts).Refused, StatusCodes.Status400BadRequest);
        }

        var session = new ClaimsIdentity(OpenIdServer.SessionScheme);
        session.AddClaim(new Claim(Contracts.ClaimNames.Subject, result.Account!.Id.ToString()));
        await http.SignInAsync(OpenIdServer.SessionScheme, new ClaimsPrincipal(session));
        return Results.Redirect(returnUrl ?? http.Request.PathBase + "/");
    }

    // Only back to this provider's authorization endpoint: never a redirect off-site from a form value.
    private static string? LocalAuthorizationRequest(HttpContext http, string? returnUrl)
    {
        var expected = http.Request.PathBase + OpenIdServer.AuthorizationPath + "?";
        return returnUrl is not null && returnUrl.StartsWith(expected, StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : null;
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, PageTexts texts, string? returnUrl, string? email, string? error, int status)
    {
        var words = Words(texts);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var hidden = new Dictionary<string, string> { [tokens.FormFieldName] = tokens.RequestToken! };
        if (returnUrl is not null)
        {
            hidden[ReturnUrlField] = returnUrl;
        }

        IReadOnlyList<FieldError> errors = error is null ? [] : [new FieldError("username", error)];
        var main = HtmlPage.Paragraph(words.Intro) + HtmlPage.Form(http, texts, Path, hidden,
            [
                new FormField("username", texts.EmailLabel, "email", "username", email),
                new FormField("password", words.PasswordLabel, "password", "current-password"),
            ],
            words.Button,
            errors) + HtmlPage.Link(http.Request.PathBase + AccountPages.ResetPasswordPath + "?lang=" + texts.Language, words.Forgotten);
        return HtmlPage.Render(http, texts, words.Title, main, status, hasErrors: error is not null);
    }

    private static SignInWords Words(PageTexts texts) => texts.Language == Languages.English ? SignInWords.English : SignInWords.Swedish;

    private sealed record SignInWords(string Title, string Intro, string PasswordLabel, string Button, string Forgotten, string Refused, string Missing, string Throttled, string Expired)
    {
        public static readonly SignInWords Swedish = new(
            "Logga in",
            "Logga in med den e-postadress och det lösenord du valde när du aktiverade ditt konto.",
            "Lösenord",
            "Logga in",
            "Glömt lösenordet?",
            "E-postadressen eller lösenordet stämmer inte. Försök igen.",
            "Fyll i både e-postadress och lösenord.",
            "För många inloggningsförsök. Vänta några minuter och försök igen, eller återställ lösenordet.",
            "Sidan hade hunnit bli för gammal. Försök igen.");

        public static readonly SignInWords English = new(
            "Sign in",
            "Sign in with the e-mail address and the password you chose when you activated your account.",
            "Password",
            "Sign in",
            "Forgotten your password?",
            "The e-mail address or the password is not right. Please try again.",
            "Please fill in both e-mail address and password.",
            "Too many sign-in attempts. Please wait a few minutes and try again, or reset the password.",
            "The page had grown too old. Please try again.");
    }
}
