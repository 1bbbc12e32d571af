using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KollegialtUtbyte.Identity.Application.OpenId;
using KollegialtUtbyte.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Identity.Api;

/// <summary>
/// The pages a person reaches from a mail: activating the account (choosing the first password)
/// and resetting a forgotten password. Swedish by default, English with <c>?lang=en</c> or when
/// the browser prefers it. Getting a page never uses up its link (mail scanners open links);
/// only posting the form does.
/// </summary>
public static class AccountPages
{
    public const string ActivatePath = "/account/activate";
    public const string ResetPasswordPath = "/account/reset-password";
    public const int MaximumPasswordLength = 256;

    // Where a person signs in: the portal, behind the same gateway.
    private const string SignInPath = "/";

    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(ActivatePath, ShowActivationAsync).AllowAnonymous();
        app.MapPost(ActivatePath, ActivateAsync).AllowAnonymous().DisableAntiforgery();
        app.MapGet(ResetPasswordPath, ShowPasswordResetAsync).AllowAnonymous();
        app.MapPost(ResetPasswordPath, ResetPasswordAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<ContentHttpResult> ShowActivationAsync(HttpContext http, AccountLinks links, IOptions<IdentityOptions> settings)
    {
        var texts = HtmlPage.TextsFor(http.Request);
        var token = HtmlPage.Single(http.Request.Query, "token");
        var found = await links.FindUsableAsync(token, AccountLinkPurpose.Activation, http.RequestAborted);
        return found is { Account: var account }
            ? NewPasswordPage(http, texts, settings.Value, ActivatePath, token!, account, [], StatusCodes.Status200OK)
            : InvalidLinkPage(http, texts);
    }

    private static async Task<ContentHttpResult> ActivateAsync(HttpContext http, AccountLinks links, Passwords passwords, LinkRedemption redemption, IOptions<IdentityOptions> settings)
    {
        var form = await http.Request.ReadFormOrNullAsync();
        if (form is null)
        {
            return BadFormPage(http);
        }

        var texts = HtmlPage.TextsFor(http.Request, HtmlPage.Single(form, "lang"));
        return await RedeemWithNewPasswordAsync(
            http, form, texts, AccountLinkPurpose.Activation, ActivatePath, texts.ActivatedTitle, texts.ActivatedText, links, passwords, redemption, settings.Value);
    }

    private static async Task<ContentHttpResult> ShowPasswordResetAsync(HttpContext http, AccountLinks links, IOptions<IdentityOptions> settings)
    {
        var texts = HtmlPage.TextsFor(http.Request);
        if (!http.Request.Query.ContainsKey("token"))
        {
            return ResetRequestPage(http, texts, null, [], StatusCodes.Status200OK);
        }

        var token = HtmlPage.Single(http.Request.Query, "token");
        var found = await links.FindUsableAsync(token, AccountLinkPurpose.PasswordReset, http.RequestAborted);
        return found is { Account: var account }
            ? NewPasswordPage(http, texts, settings.Value, ResetPasswordPath, token!, account, [], StatusCodes.Status200OK)
            : InvalidLinkPage(http, texts);
    }

    /// <summary>With a token: choose the new password. Without: ask for a link by e-mail address.</summary>
    private static async Task<ContentHttpResult> ResetPasswordAsync(
        HttpContext http, AccountLinks links, Passwords passwords, LinkRedemption redemption, UserManager<Account> users, IdentityDb db, IOptions<IdentityOptions> settings,
        SignInThrottle throttle, TrustedProxyHeaders proxies)
    {
        var form = await http.Request.ReadFormOrNullAsync();
        if (form is null)
        {
            return BadFormPage(http);
        }

        var texts = HtmlPage.TextsFor(http.Request, HtmlPage.Single(form, "lang"));
        if (!form.ContainsKey("token"))
        {
            if (throttle.ResetRequest(proxies.ClientAddress(http.Request)) is { } wait)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return HtmlPage.Render(http, texts, texts.TooManyRequestsTitle, HtmlPage.Paragraph(texts.TooManyRequestsText), StatusCodes.Status429TooManyRequests);
            }

            return await RequestResetAsync(http, texts, HtmlPage.Single(form, "email")?.Trim(), links, users, db, settings.Value, throttle);
        }

        return await RedeemWithNewPasswordAsync(
            http, form, texts, AccountLinkPurpose.PasswordReset, ResetPasswordPath, texts.ResetDoneTitle, texts.ResetDoneText, links, passwords, redemption, settings.Value);
    }

    /// <summary>
    /// Sets the password chosen on the page of an activation or reset link: an unusable link gets
    /// the invalid-link page, a password against the rules the same page again with its errors.
    /// </summary>
    private static async Task<ContentHttpResult> RedeemWithNewPasswordAsync(
        HttpContext http, IFormCollection form, PageTexts texts, AccountLinkPurpose purpose, string path, string doneTitle, string doneText,
        AccountLinks links, Passwords passwords, LinkRedemption redemption, IdentityOptions settings)
    {
        var token = HtmlPage.Single(form, "token");
        var found = await links.FindUsableAsync(token, purpose, http.RequestAborted);
        if (found is not { Link: var link, Account: var account })
        {
            return InvalidLinkPage(http, texts);
        }

        var (password, errors) = await CheckNewPasswordAsync(form, texts, account, passwords, settings);
        if (errors.Count > 0)
        {
            return NewPasswordPage(http, texts, settings, path, token!, account, errors, StatusCodes.Status400BadRequest);
        }

        await redemption.RedeemAsync(link, account, password, http.RequestAborted);
        return HtmlPage.Render(http, texts, doneTitle,
            HtmlPage.Paragraph(doneText) + HtmlPage.Link(http.Request.PathBase + SignInPath, texts.SignInLink), StatusCodes.Status200OK);
    }

    /// <summary>
    /// Sends a reset link when the address belongs to an account that may sign in. The answer is
    /// the same either way, so the page does not reveal who has an account; also when the address
    /// has had its share of links lately and nothing is sent.
    /// </summary>
    private static async Task<ContentHttpResult> RequestResetAsync(
        HttpContext http, PageTexts texts, string? email, AccountLinks links, UserManager<Account> users, IdentityDb db, IdentityOptions settings, SignInThrottle throttle)
    {
        var error = string.IsNullOrEmpty(email) ? texts.EmailRequired
            : email.Length > 256 || !new EmailAddressAttribute().IsValid(email) ? texts.EmailInvalid
            : null;
        if (error is not null)
        {
            return ResetRequestPage(http, texts, email, [new FieldError("email", error)], StatusCodes.Status400BadRequest);
        }

        var account = await users.FindByEmailAsync(email!);
        if (account is { IsDisabled: false } && throttle.MayMailResetLink(email!))
        {
            await links.RequestPasswordResetAsync(account, http.RequestAborted);
            await db.SaveChangesAsync(http.RequestAborted);
        }

        return HtmlPage.Render(http, texts, texts.ResetRequestedTitle, HtmlPage.Paragraph(texts.ResetRequestedText(settings.PasswordResetLinkLifetime)), StatusCodes.Status200OK);
    }

    private static async Task<(string Password, IReadOnlyList<FieldError> Errors)> CheckNewPasswordAsync(
        IFormCollection form, PageTexts texts, Account account, Passwords passwords, IdentityOptions settings)
    {
        var password = HtmlPage.Single(form, "password") ?? "";
        var confirmation = HtmlPage.Single(form, "confirmPassword") ?? "";
        var errors = new List<FieldError>();
        if (password.Length == 0)
        {
            errors.Add(new FieldError("password", texts.PasswordRequired));
        }
        else if (password.Length > MaximumPasswordLength)
        {
            errors.Add(new FieldError("password", texts.PasswordTooLong(MaximumPasswordLength)));
        }
        else
        {
            errors.AddRange((await passwords.ProblemsWithAsync(account, password))
                .Select(code => texts.PasswordProblem(code, settings.MinimumPasswordLength))
                .Distinct()
                .Select(message => new FieldError("password", message)));
        }

        if (password.Length > 0 && confirmation != password)
        {
            errors.Add(new FieldError("confirmPassword", texts.PasswordsDiffer));
        }

        return (password, errors);
    }

    private static ContentHttpResult NewPasswordPage(
        HttpContext http, PageTexts texts, IdentityOptions settings, string path, string token, Account account, IReadOnlyList<FieldError> errors, int statusCode)
    {
        var activating = path == ActivatePath;
        var passwordError = string.Join(" ", errors.Where(e => e.Field == "password").Select(e => e.Message));
        var form = HtmlPage.Form(http, texts, path, new Dictionary<string, string> { ["token"] = token },
            [
                new FormField("username", texts.EmailLabel, "email", "username", Value: account.Email, ReadOnly: true),
                new FormField("password", texts.NewPasswordLabel, "password", "new-password",
                    Hint: texts.PasswordHint(settings.MinimumPasswordLength), Error: passwordError.Length > 0 ? passwordError : null, MinLength: settings.MinimumPasswordLength),
                new FormField("confirmPassword", texts.ConfirmPasswordLabel, "password", "new-password"),
            ],
            activating ? texts.ActivateButton : texts.ResetButton,
            errors);
        return HtmlPage.Render(http, texts, activating ? texts.ActivateTitle : texts.ResetTitle,
            HtmlPage.Paragraph(activating ? texts.ActivateIntro : texts.ResetIntro) + form,
            statusCode, hasErrors: errors.Count > 0, languageSwitch: new Dictionary<string, string> { ["token"] = token });
    }

    private static ContentHttpResult ResetRequestPage(HttpContext http, PageTexts texts, string? email, IReadOnlyList<FieldError> errors, int statusCode)
    {
        var form = HtmlPage.Form(http, texts, ResetPasswordPath, new Dictionary<string, string>(),
            [new FormField("email", texts.EmailLabel, "email", "email", Value: email)],
            texts.ResetRequestButton,
            errors);
        return HtmlPage.Render(http, texts, texts.ResetRequestTitle, HtmlPage.Paragraph(texts.ResetRequestIntro) + form,
            statusCode, hasErrors: errors.Count > 0, languageSwitch: new Dictionary<string, string>());
    }

    private static ContentHttpResult InvalidLinkPage(HttpContext http, PageTexts texts) =>
        HtmlPage.Render(http, texts, texts.InvalidLinkTitle,
            HtmlPage.Paragraph(texts.InvalidLinkText) + HtmlPage.Link($"{http.Request.PathBase}{ResetPasswordPath}?lang={texts.Language}", texts.RequestNewLink),
            StatusCodes.Status400BadRequest);

    internal static ContentHttpResult BadFormPage(HttpContext http)
    {
        var texts = HtmlPage.TextsFor(http.Request);
        var status = http.Request.HasFormContentType ? StatusCodes.Status400BadRequest : StatusCodes.Status415UnsupportedMediaType;
        return HtmlPage.Render(http, texts, texts.BadFormTitle, HtmlPage.Paragraph(texts.BadFormText), status);
    }
}
