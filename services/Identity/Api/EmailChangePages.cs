using KollegialtUtbyte.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Identity.Api;

/// <summary>
/// The pages reached from the mails about a change of e-mail address: confirming it (from the
/// new address; an account with a password also proves its owner with the current password)
/// and stopping it (from the old address). Getting a page never acts (mail scanners open
/// links); only posting its form does.
/// </summary>
public static class EmailChangePages
{
    public const string ConfirmPath = "/account/confirm-email";
    public const string StopPath = "/account/stop-email-change";

    // Where a person signs in: the portal, behind the same gateway.
    private const string SignInPath = "/";

    public static IEndpointRouteBuilder MapEmailChangePages(this IEndpointRouteBuilder app)
    {
        app.MapGet(ConfirmPath, ShowConfirmationAsync).AllowAnonymous();
        app.MapPost(ConfirmPath, ConfirmAsync).AllowAnonymous().DisableAntiforgery();
        app.MapGet(StopPath, ShowStopAsync).AllowAnonymous();
        app.MapPost(StopPath, StopAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<ContentHttpResult> ShowConfirmationAsync(HttpContext http, EmailChanges changes)
    {
        var texts = HtmlPage.TextsFor(http.Request);
        var token = HtmlPage.Single(http.Request.Query, "token");
        if (await changes.FindPendingByConfirmTokenAsync(token, http.RequestAborted) is not { } change)
        {
            return InvalidLinkPage(http, texts);
        }

        var account = await changes.AccountOfAsync(change, http.RequestAborted);
        return ConfirmationPage(http, texts, token!, change, account, [], StatusCodes.Status200OK);
    }

    private static async Task<ContentHttpResult> ConfirmAsync(HttpContext http, EmailChanges changes, UserManager<Account> users)
    {
        var form = await http.Request.ReadFormOrNullAsync();
        if (form is null)
        {
            return AccountPages.BadFormPage(http);
        }

        var texts = HtmlPage.TextsFor(http.Request, HtmlPage.Single(form, "lang"));
        var words = EmailChangeTexts.For(texts);
        var token = HtmlPage.Single(form, "token");
        if (await changes.FindPendingByConfirmTokenAsync(token, http.RequestAborted) is not { } change)
        {
            return InvalidLinkPage(http, texts);
        }

        var account = await changes.AccountOfAsync(change, http.RequestAborted);
        if (account is { HasPassword: true })
        {
            var password = HtmlPage.Single(form, "password") ?? "";
            if (password.Length == 0 || password.Length > AccountPages.MaximumPasswordLength)
            {
                return ConfirmationPage(http, texts, token!, change, account, [new FieldError("password", words.PasswordRequired)], StatusCodes.Status400BadRequest);
            }

            if (users.PasswordHasher.VerifyHashedPassword(account, account.PasswordHash!, password) == PasswordVerificationResult.Failed)
            {
                await changes.FailConfirmationAsync(change, http.RequestAborted);
                return change.State == EmailChangeState.Cancelled
                    ? HtmlPage.Render(http, texts, words.TooManyAttemptsTitle, HtmlPage.Paragraph(words.TooManyAttemptsText), StatusCodes.Status400BadRequest)
                    : ConfirmationPage(http, texts, token!, change, account, [new FieldError("password", words.PasswordWrong)], StatusCodes.Status400BadRequest);
            }
        }

        if (await changes.AddressTakenAsync(change, account))
        {
            return HtmlPage.Render(http, texts, words.AddressTakenTitle, HtmlPage.Paragraph(words.AddressTakenText), StatusCodes.Status409Conflict);
        }

        await changes.ConfirmAsync(change, account, http.RequestAborted);
        return HtmlPage.Render(http, texts, words.ConfirmedTitle,
            HtmlPage.Paragraph(words.ConfirmedText(change.NewEmail)) + HtmlPage.Link(http.Request.PathBase + SignInPath, texts.SignInLink), StatusCodes.Status200OK);
    }

    private static async Task<ContentHttpResult> ShowStopAsync(HttpContext http, EmailChanges changes)
    {
        var texts = HtmlPage.TextsFor(http.Request);
        var token = HtmlPage.Single(http.Request.Query, "token");
        return await changes.FindPendingByStopTokenAsync(token, http.RequestAborted) is { } change
            ? StopPage(http, texts, token!, change)
            : InvalidLinkPage(http, texts);
    }

    private static async Task<ContentHttpResult> StopAsync(HttpContext http, EmailChanges changes)
    {
        var form = await http.Request.ReadFormOrNullAsync();
        if (form is null)
        {
            return AccountPages.BadFormPage(http);
        }

        var texts = HtmlPage.TextsFor(http.Request, HtmlPage.Single(form, "lang"));
        var words = EmailChangeTexts.For(texts);
        if (await changes.FindPendingByStopTokenAsync(HtmlPage.Single(form, "token"), http.RequestAborted) is not { } change)
        {
            return InvalidLinkPage(http, texts);
        }

        await changes.CancelAsync(change, http.RequestAborted);
        return HtmlPage.Render(http, texts, words.StoppedTitle, HtmlPage.Paragraph(words.StoppedText(change.PreviousEmail)), StatusCodes.Status200OK);
    }

    private static ContentHttpResult ConfirmationPage(
        HttpContext http, PageTexts texts, string token, EmailChange change, Account? account, IReadOnlyList<FieldError> errors, int statusCode)
    {
        var words = EmailChangeTexts.For(texts);
        var fields = new List<FormField> { new("username", words.NewEmailLabel, "email", "username", Value: change.NewEmail, ReadOnly: true) };
        if (account is { HasPassword: true })
        {
            fields.Add(new FormField("password", words.CurrentPasswordLabel, "password", "current-password", Hint: words.CurrentPasswordHint));
        }

        var form = HtmlPage.Form(http, texts, ConfirmPath, new Dictionary<string, string> { ["token"] = token }, fields, words.ConfirmButton, errors);
        return HtmlPage.Render(http, texts, words.ConfirmTitle, HtmlPage.Paragraph(words.ConfirmIntro(change.NewEmail)) + form,
            statusCode, hasErrors: errors.Count > 0, languageSwitch: new Dictionary<string, string> { ["token"] = token });
    }

    private static ContentHttpResult StopPage(HttpContext http, PageTexts texts, string token, EmailChange change)
    {
        var words = EmailChangeTexts.For(texts);
        var form = HtmlPage.Form(http, texts, StopPath, new Dictionary<string, string> { ["token"] = token }, [], words.StopButton, []);
        return HtmlPage.Render(http, texts, words.StopTitle, HtmlPage.Paragraph(words.StopIntro(change.PreviousEmail, change.NewEmail)) + form,
            StatusCodes.Status200OK, languageSwitch: new Dictionary<string, string> { ["token"] = token });
    }

    private static ContentHttpResult InvalidLinkPage(HttpContext http, PageTexts texts) =>
        HtmlPage.Render(http, texts, texts.InvalidLinkTitle, HtmlPage.Paragraph(texts.InvalidLinkText), StatusCodes.Status400BadRequest);
}
