using System.Globalization;
using System.Security.Claims;
using KollegialtUtbyte.Identity.Application.OpenId;
using KollegialtUtbyte.ServiceDefaults.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Client.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KollegialtUtbyte.Identity.Api;

/// <summary>
/// The provider's sign-in page: a plain HTML form (e-mail address and password, the antiforgery
/// token as a hidden input) that works without JavaScript. A successful sign-in sets the
/// provider's session cookie and returns to the authorization request it came from. When the
/// address's domain belongs to an organisation with its own provider, the person signs in there
/// instead ("Logga in med din organisations konto"), and comes back to her own account.
/// </summary>
public static class SignInPage
{
    public const string Path = "/account/sign-in";
    public const string ReturnUrlField = "returnUrl";
    public const string OrganisationPath = "/account/sign-in/organisation";
    public const string ExternalFailedField = "external-failed";
    private const string LanguageItem = "lang";

    public static IEndpointRouteBuilder MapSignInPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).AllowAnonymous();

        // The antiforgery token is checked below, so that a missing one gets the page, not an exception.
        app.MapPost(Path, SignInAsync).AllowAnonymous().DisableAntiforgery();
        app.MapPost(OrganisationPath, OrganisationAsync).AllowAnonymous().DisableAntiforgery();

        // The provider sends the person back with a GET (response_mode=query); OpenIddict has
        // checked the state, the correlation cookie and the code before this runs.
        app.MapGet(ExternalProviders.CallbackPath, ExternalCallbackAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Where an authorization request is sent to sign in first, in the language the client asked
    /// for (<c>ui_locales</c>); it comes back to <paramref name="returnUrl"/>.
    /// </summary>
    public static string For(HttpRequest request, string returnUrl, string? language) =>
        $"{request.PathBase}{Path}?{ReturnUrlField}={Uri.EscapeDataString(returnUrl)}" +
        (language is Languages.Swedish or Languages.English ? "&lang=" + language : "");

    private static async Task<ContentHttpResult> Show(HttpContext http, IAntiforgery antiforgery)
    {
        var texts = HtmlPage.TextsFor(http.Request);
        var returnUrl = LocalAuthorizationRequest(http, HtmlPage.Single(http.Request.Query, ReturnUrlField));

        // Back from an organisation's provider that refused or failed (see ExternalProviders.Failure).
        return HtmlPage.Single(http.Request.Query, ExternalFailedField) is "1"
            ? await PageAsync(http, antiforgery, texts, returnUrl, email: null, Words(texts).ExternalFailed, StatusCodes.Status400BadRequest)
            : await PageAsync(http, antiforgery, texts, returnUrl, email: null, error: null, StatusCodes.Status200OK);
    }

    private static async Task<Results<ContentHttpResult, ChallengeHttpResult, RedirectHttpResult>> SignInAsync(
        HttpContext http, IAntiforgery antiforgery, Passwords passwords, SignInThrottle throttle, TrustedProxyHeaders proxies, ExternalProviders providers)
    {
        if (await ReadSignInFormAsync(http) is not (var form, var texts, var returnUrl, var email))
        {
            return AccountPages.BadFormPage(http);
        }

        var password = HtmlPage.Single(form, "password");
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return await PageAsync(http, antiforgery, texts, returnUrl, email, Words(texts).Expired, StatusCodes.Status400BadRequest);
        }

        // Only the address, and the organisation signs its people in itself: off to its provider.
        if (string.IsNullOrEmpty(password) && providers.ForEmail(email) is { } provider)
        {
            return Challenge(provider, email!, returnUrl, texts.Language);
        }

        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            return await PageAsync(http, antiforgery, texts, returnUrl, email, Words(texts).Missing, StatusCodes.Status400BadRequest);
        }

        if (throttle.SignInAttempt(email, proxies.ClientAddress(http.Request)) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return await PageAsync(http, antiforgery, texts, returnUrl, email, Words(texts).Throttled, StatusCodes.Status429TooManyRequests);
        }

        var result = await passwords.SignInAsync(email, password, http.RequestAborted);
        if (result.Outcome != SignInOutcome.Succeeded)
        {
            // One answer for an unknown account, a wrong password, a locked or a disabled account.
            return await PageAsync(http, antiforgery, texts, returnUrl, email, Words(texts).Refused, StatusCodes.Status400BadRequest);
        }

        var session = new ClaimsIdentity(OpenIdServer.SessionScheme);
        session.AddClaim(new Claim(Contracts.ClaimNames.Subject, result.Account!.Id.ToString()));
        await http.SignInAsync(OpenIdServer.SessionScheme, new ClaimsPrincipal(session));
        return TypedResults.Redirect(returnUrl ?? http.Request.PathBase + "/");
    }

    /// <summary>"Sign in with your organisation's account": the address decides which organisation's provider.</summary>
    private static async Task<Results<ContentHttpResult, ChallengeHttpResult>> OrganisationAsync(HttpContext http, IAntiforgery antiforgery, ExternalProviders providers)
    {
        if (await ReadSignInFormAsync(http) is not (_, var texts, var returnUrl, var email))
        {
            return AccountPages.BadFormPage(http);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return await PageAsync(http, antiforgery, texts, returnUrl, email, Words(texts).Expired, StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrEmpty(email))
        {
            return await PageAsync(http, antiforgery, texts, returnUrl, email, texts.EmailRequired, StatusCodes.Status400BadRequest);
        }

        if (providers.ForEmail(email) is { } provider)
        {
            return Challenge(provider, email, returnUrl, texts.Language);
        }

        return await PageAsync(http, antiforgery, texts, returnUrl, email, Words(texts).NoOrganisation, StatusCodes.Status400BadRequest);
    }

    /// <summary>What both sign-in forms post: the page's language, where to go back to, the address. Null when the body is no form.</summary>
    private sealed record SignInForm(IFormCollection Fields, PageTexts Texts, string? ReturnUrl, string? Email);

    private static async Task<SignInForm?> ReadSignInFormAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormOrNullAsync();
        return form is null
            ? null
            : new SignInForm(
                form,
                HtmlPage.TextsFor(http.Request, HtmlPage.Single(form, "lang")),
                LocalAuthorizationRequest(http, HtmlPage.Single(form, ReturnUrlField)),
                HtmlPage.Single(form, "username")?.Trim());
    }

    private static ChallengeHttpResult Challenge(ExternalProvider provider, string email, string? returnUrl, string language) =>
        TypedResults.Challenge(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictClientAspNetCoreConstants.Properties.RegistrationId] = provider.Name,
                [OpenIddictClientAspNetCoreConstants.Properties.LoginHint] = email,
                [LanguageItem] = language,
            })
            { RedirectUri = returnUrl },
            [ExternalProviders.Scheme]);

    /// <summary>
    /// Back from the organisation's provider: the identity it vouched for signs in through its
    /// link, or is linked to the account whose confirmed address it gave; nobody is created.
    /// </summary>
    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> ExternalCallbackAsync(HttpContext http, IAntiforgery antiforgery, ExternalProviders providers, ExternalSignIns signIns)
    {
        var result = await http.AuthenticateAsync(ExternalProviders.Scheme);
        var texts = HtmlPage.TextsFor(http.Request, result.Properties?.GetString(LanguageItem));
        var returnUrl = LocalAuthorizationRequest(http, result.Properties?.RedirectUri);
        var words = Words(texts);
        var principal = result.Succeeded ? result.Principal : null;
        var provider = principal is null ? null : providers.Named(principal.GetClaim(Claims.Private.RegistrationId));
        var subject = principal?.FindFirst(Claims.Subject)?.Value;
        if (principal is null || provider is null || string.IsNullOrEmpty(subject))
        {
            return await PageAsync(http, antiforgery, texts, returnUrl, email: null, words.ExternalFailed, StatusCodes.Status400BadRequest);
        }

        var verified = principal.GetClaim(Claims.EmailVerified) is { } flag && bool.TryParse(flag, out var value) ? value : (bool?)null;
        var identity = new ExternalIdentity(provider, subject, principal.GetClaim(Claims.Email), verified);
        var (outcome, account) = await signIns.SignInAsync(identity, http.RequestAborted);
        if (outcome is not (ExternalSignInOutcome.SignedIn or ExternalSignInOutcome.Linked))
        {
            var message = outcome switch
            {
                ExternalSignInOutcome.EmailNotConfirmed => words.ExternalUnconfirmed,
                ExternalSignInOutcome.LinkedToAnother => words.ExternalLinkedToAnother,
                ExternalSignInOutcome.Disabled => words.ExternalDisabled,
                _ => words.ExternalUnknown,
            };
            return await PageAsync(http, antiforgery, texts, returnUrl, email: null, message, StatusCodes.Status403Forbidden);
        }

        var session = new ClaimsIdentity(OpenIdServer.SessionScheme);
        session.AddClaim(new Claim(Contracts.ClaimNames.Subject, account!.Id.ToString()));
        await http.SignInAsync(OpenIdServer.SessionScheme, new ClaimsPrincipal(session));
        return TypedResults.Redirect(returnUrl ?? http.Request.PathBase + "/");
    }

    // Only back to this provider's authorization endpoint: never a redirect off-site from a form value.
    private static string? LocalAuthorizationRequest(HttpContext http, string? returnUrl)
    {
        var expected = http.Request.PathBase + OpenIdServer.AuthorizationPath + "?";
        return returnUrl is not null && returnUrl.StartsWith(expected, StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : null;
    }

    private static async Task<ContentHttpResult> PageAsync(HttpContext http, IAntiforgery antiforgery, PageTexts texts, string? returnUrl, string? email, string? error, int status)
    {
        var words = Words(texts);
        var providers = http.RequestServices.GetRequiredService<ExternalProviders>();
        var organisations = providers.Any ? new[] { new FormButton(OrganisationPath, words.Organisation) } : [];
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
            errors,
            organisations) + HtmlPage.Link(http.Request.PathBase + AccountPages.ResetPasswordPath + "?lang=" + texts.Language, words.Forgotten)
            + await DemoAccountsAsync(http, words);

        // "Logga in med din organisations konto" answers with a redirect to the organisation's provider,
        // a finished sign-in with redirects on to the client that asked (the portal, a command-line tool).
        var clients = http.RequestServices.GetRequiredService<ClientCatalogue>();
        return HtmlPage.Render(http, texts, words.Title, main, status, hasErrors: error is not null,
            formContinuesAt: [.. providers.Origins.Concat(clients.RedirectOrigins).Distinct(StringComparer.Ordinal)]);
    }

    private static SignInWords Words(PageTexts texts) => texts.Language == Languages.English ? SignInWords.English : SignInWords.Swedish;

    /// <summary>
    /// Development only, with a demo password configured: which demo accounts sign in (one of each
    /// kind, as the seeded directory made them) and with which password. Never in another environment.
    /// </summary>
    private static async Task<string> DemoAccountsAsync(HttpContext http, SignInWords words)
    {
        var services = http.RequestServices;
        var settings = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment() || settings.DemoPassword is not { Length: > 0 } demoPassword)
        {
            return "";
        }

        var db = services.GetRequiredService<IdentityDb>();
        var accounts = await db.Users.AsNoTracking()
            .Where(a => a.DisabledAt == null && a.PasswordHash != null)
            .OrderBy(a => a.Name).ThenBy(a => a.NormalizedEmail)
            .Select(a => new { a.Email, a.EffectiveRoles })
            .ToListAsync(http.RequestAborted);
        var html = new System.Text.StringBuilder();
        html.Append("<section aria-labelledby=\"demo-accounts\">\n<h2 id=\"demo-accounts\">").Append(HtmlPage.Encode(words.DemoTitle)).Append("</h2>\n")
            .Append(HtmlPage.Paragraph(words.DemoPassword(demoPassword))).Append("<ul>\n");
        foreach (var (role, label) in words.DemoRoles)
        {
            var email = accounts.FirstOrDefault(a => a.EffectiveRoles.Split(' ').Contains(role))?.Email;
            if (email is null)
            {
                continue;
            }

            // The administrator is configured apart from the seeded people; its password may differ.
            var own = role == Roles.Administrator && email.Equals(settings.Administrator.Email, StringComparison.OrdinalIgnoreCase)
                && settings.Administrator.Password is { Length: > 0 } password && password != demoPassword ? $" ({password})" : "";
            html.Append("<li>").Append(HtmlPage.Encode(label)).Append(": <code>").Append(HtmlPage.Encode(email)).Append("</code>").Append(HtmlPage.Encode(own)).Append("</li>\n");
        }

        return html.Append("</ul>\n</section>\n").ToString();
    }

    private sealed record SignInWords(
        string Title,
        string Intro,
        string PasswordLabel,
        string Button,
        string Forgotten,
        string Refused,
        string Missing,
        string Throttled,
        string Expired,
        string Organisation,
        string NoOrganisation,
        string ExternalFailed,
        string ExternalUnknown,
        string ExternalUnconfirmed,
        string ExternalLinkedToAnother,
        string ExternalDisabled,
        string DemoTitle,
        Func<string, string> DemoPassword,
        IReadOnlyList<(string Role, string Label)> DemoRoles)
    {
        // The roles a demo account is shown for, in this order, named in both languages.
        private static readonly (string Role, string Swedish, string English)[] DemoRoleNames =
        [
            (Roles.Administrator, "Administratör", "Administrator"),
            (Roles.Facilitator, "Processledare", "Facilitator"),
            (Roles.ProjectLeader, "Projektledare", "Project leader"),
            (Roles.TeamMember, "Tjänsteperson", "Key official"),
            (Roles.Politician, "Politiker", "Politician"),
        ];

        public static readonly SignInWords Swedish = new(
            "Logga in",
            "Logga in med den e-postadress och det lösenord du valde när du aktiverade ditt konto.",
            "Lösenord",
            "Logga in",
            "Glömt lösenordet?",
            "E-postadressen eller lösenordet stämmer inte. Försök igen.",
            "Fyll i både e-postadress och lösenord.",
            "För många inloggningsförsök. Vänta några minuter och försök igen, eller återställ lösenordet.",
            "Sidan hade hunnit bli för gammal. Försök igen.",
            "Logga in med din organisations konto",
            "Din organisation har ingen egen inloggning här. Logga in med e-postadress och lösenord.",
            "Inloggningen hos din organisation avbröts eller misslyckades. Försök igen, eller logga in med e-postadress och lösenord.",
            "Det finns inget konto för dig här. Inget konto har skapats. Be den som samordnar utbytet i din region om ett konto.",
            "Ditt konto kan inte kopplas till din organisations konto förrän din e-postadress är bekräftad. Aktivera kontot med länken i e-posten först.",
            "Ditt konto är redan kopplat till en annan identitet hos din organisation. Be en administratör ta bort den gamla kopplingen.",
            "Kontot är avstängt. Kontakta en administratör.",
            "Demokonton (bara i utvecklingsmiljön)",
            password => $"Alla demokonton har lösenordet {password}.",
            DemoRoleNames.Select(r => (r.Role, r.Swedish)).ToList());

        public static readonly SignInWords English = new(
            "Sign in",
            "Sign in with the e-mail address and the password you chose when you activated your account.",
            "Password",
            "Sign in",
            "Forgotten your password?",
            "The e-mail address or the password is not right. Please try again.",
            "Please fill in both e-mail address and password.",
            "Too many sign-in attempts. Please wait a few minutes and try again, or reset the password.",
            "The page had grown too old. Please try again.",
            "Sign in with your organisation's account",
            "Your organisation has no sign-in of its own here. Please sign in with e-mail address and password.",
            "The sign-in at your organisation was cancelled or failed. Please try again, or sign in with e-mail address and password.",
            "There is no account for you here. No account has been created. Ask the person who coordinates the exchange in your region for an account.",
            "Your account cannot be linked to your organisation's account until your e-mail address is confirmed. Please activate the account with the link in the e-mail first.",
            "Your account is already linked to another identity at your organisation. Ask an administrator to remove the old link.",
            "The account is disabled. Please contact an administrator.",
            "Demo accounts (development only)",
            password => $"Every demo account has the password {password}.",
            DemoRoleNames.Select(r => (r.Role, r.English)).ToList());
    }
}
