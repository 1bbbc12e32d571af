using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Identity.Api;

/// <summary>One input of a form, with what a screen reader needs: label, hint and error tied to it.</summary>
internal sealed record FormField(
    string Name,
    string Label,
    string Type,
    string AutoComplete,
    string? Value = null,
    string? Hint = null,
    string? Error = null,
    bool ReadOnly = false,
    int? MinLength = null);

/// <summary>Another way to send the same form: a secondary button that posts it to <see cref="Action"/>.</summary>
internal sealed record FormButton(string Action, string Text);

/// <summary>A problem with one field, shown at the field and in the summary above the form.</summary>
internal sealed record FieldError(string Field, string Message);

/// <summary>
/// Small, accessible HTML pages without scripts: a language attribute, one h1 per page, labels
/// tied to their inputs, hints and errors announced through aria-describedby, an error summary
/// that links to each field, visible focus, and text that reads well at 200% zoom.
/// </summary>
internal static class HtmlPage
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.0625rem;line-height:1.5;color:#1b1b1b;background:#fff;margin:0}
        header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;padding:.75rem 1.5rem;background:#1f3a5f;color:#fff}
        header p{margin:0;font-weight:700}
        header a{color:#fff}
        main{max-width:34rem;margin:2rem auto;padding:0 1.5rem}
        h1{font-size:1.75rem;line-height:1.25}
        label{display:block;font-weight:600;margin-top:1.25rem}
        .hint{color:#4a4a4a;margin:.25rem 0}
        .error{color:#b00020;font-weight:600;margin:.25rem 0}
        input{display:block;width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:2px solid #4a4a4a;border-radius:4px;margin-top:.25rem}
        input[readonly]{background:#f2f2f2}
        input[aria-invalid=true]{border-color:#b00020}
        .visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .error-summary{border:3px solid #b00020;padding:0 1rem;margin-bottom:1.5rem}
        .error-summary a{color:#b00020;font-weight:600}
        button.secondary{background:#fff;color:#1f3a5f;margin-left:.5rem}
        button{margin-top:1.5rem;font:inherit;font-weight:600;padding:.6rem 1.2rem;background:#1f3a5f;color:#fff;border:2px solid #1f3a5f;border-radius:4px;cursor:pointer}
        a{color:#1f3a5f}
        :focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
        """;

    // Swedish letters stay readable in the markup; only what HTML needs escaped is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    /// <summary>
    /// A whole page. <paramref name="languageSwitch"/> keeps the page's query (e.g. the link token)
    /// when switching language. A form may only be sent here, and only be redirected here, unless
    /// <paramref name="formContinuesAt"/> names the other origins its answer may redirect to (the
    /// browser applies <c>form-action</c> to every redirect that follows a form).
    /// </summary>
    public static ContentHttpResult Render(
        HttpContext http, PageTexts texts, string title, string main, int statusCode, bool hasErrors = false, IReadOnlyDictionary<string, string>? languageSwitch = null,
        IReadOnlyCollection<string>? formContinuesAt = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(texts.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(hasErrors ? Encode(texts.ErrorPrefix) + " " : "").Append(Encode(title)).Append(" – ").Append(Encode(texts.SiteName)).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n<header>\n<p>").Append(Encode(texts.SiteName)).Append("</p>\n");
        if (languageSwitch is not null)
        {
            var query = new QueryBuilder(languageSwitch.Where(p => p.Key != "lang")) { { "lang", texts.OtherLanguage } };
            html.Append("<nav aria-label=\"").Append(Encode(texts.LanguageNavigation)).Append("\"><a href=\"").Append(Encode(http.Request.PathBase + http.Request.Path + query))
                .Append("\" lang=\"").Append(texts.OtherLanguage).Append("\" hreflang=\"").Append(texts.OtherLanguage).Append("\">")
                .Append(Encode(texts.OtherLanguageName)).Append("</a></nav>\n");
        }

        html.Append("</header>\n<main>\n<h1>").Append(Encode(title)).Append("</h1>\n").Append(main).Append("</main>\n</body>\n</html>\n");

        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";

        // The link token is in the address: it must not leak to other sites through the referrer.
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        var formAction = string.Join(' ', formContinuesAt is null ? ["'self'"] : formContinuesAt.Prepend("'self'"));
        headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'unsafe-inline'; form-action {formAction}; frame-ancestors 'none'; base-uri 'none'";
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    public static string Paragraph(string text) => $"<p>{Encode(text)}</p>\n";

    public static string Link(string href, string text) => $"<p><a href=\"{Encode(href)}\">{Encode(text)}</a></p>\n";

    /// <summary>A POST form with an error summary (when there are errors) that links to the fields.</summary>
    public static string Form(HttpContext http, PageTexts texts, string action, IReadOnlyDictionary<string, string> hidden, IReadOnlyList<FormField> fields, string button, IReadOnlyList<FieldError> errors, IReadOnlyList<FormButton>? alternatives = null)
    {
        var html = new StringBuilder();
        if (errors.Count > 0)
        {
            html.Append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\">\n<h2 id=\"error-summary-title\">")
                .Append(Encode(texts.ErrorSummaryTitle)).Append("</h2>\n<ul>\n");
            foreach (var error in errors)
            {
                html.Append("<li><a href=\"#").Append(Encode(error.Field)).Append("\">").Append(Encode(error.Message)).Append("</a></li>\n");
            }

            html.Append("</ul>\n</div>\n");
        }

        html.Append("<form method=\"post\" action=\"").Append(Encode(http.Request.PathBase + action)).Append("\" novalidate>\n");
        foreach (var (name, value) in hidden.Append(new("lang", texts.Language)))
        {
            html.Append("<input type=\"hidden\" name=\"").Append(Encode(name)).Append("\" value=\"").Append(Encode(value)).Append("\">\n");
        }

        foreach (var field in fields)
        {
            var error = field.Error ?? errors.FirstOrDefault(e => e.Field == field.Name)?.Message;
            var describedBy = new List<string>();
            html.Append("<label for=\"").Append(field.Name).Append("\">").Append(Encode(field.Label)).Append("</label>\n");
            if (field.Hint is not null)
            {
                html.Append("<p class=\"hint\" id=\"").Append(field.Name).Append("-hint\">").Append(Encode(field.Hint)).Append("</p>\n");
                describedBy.Add(field.Name + "-hint");
            }

            if (error is not null)
            {
                html.Append("<p class=\"error\" id=\"").Append(field.Name).Append("-error\"><span class=\"visually-hidden\">")
                    .Append(Encode(texts.ErrorPrefix)).Append("</span> ").Append(Encode(error)).Append("</p>\n");
                describedBy.Add(field.Name + "-error");
            }

            html.Append("<input id=\"").Append(field.Name).Append("\" name=\"").Append(field.Name).Append("\" type=\"").Append(field.Type)
                .Append("\" autocomplete=\"").Append(field.AutoComplete).Append('"');
            if (field.Value is not null)
            {
                html.Append(" value=\"").Append(Encode(field.Value)).Append('"');
            }

            if (field.ReadOnly)
            {
                html.Append(" readonly");
            }
            else
            {
                html.Append(" required");
            }

            if (field.MinLength is { } minLength)
            {
                html.Append(" minlength=\"").Append(minLength).Append('"');
            }

            if (describedBy.Count > 0)
            {
                html.Append(" aria-describedby=\"").Append(string.Join(' ', describedBy)).Append('"');
            }

            if (error is not null)
            {
                html.Append(" aria-invalid=\"true\"");
            }

            html.Append(">\n");
        }

        // The first button is the one Enter presses.
        html.Append("<button type=\"submit\">").Append(Encode(button)).Append("</button>\n");
        foreach (var alternative in alternatives ?? [])
        {
            html.Append("<button type=\"submit\" class=\"secondary\" formaction=\"").Append(Encode(http.Request.PathBase + alternative.Action))
                .Append("\" formnovalidate>").Append(Encode(alternative.Text)).Append("</button>\n");
        }

        html.Append("</form>\n");
        return html.ToString();
    }

    /// <summary>The page language: <c>lang</c> in the form or the query, else the browser's preference for Swedish or English, else Swedish.</summary>
    public static PageTexts TextsFor(HttpRequest request, string? formLanguage = null)
    {
        foreach (var chosen in new[] { formLanguage, Single(request.Query, "lang") })
        {
            if (chosen is not null && (chosen.Equals(Languages.English, StringComparison.OrdinalIgnoreCase) || chosen.Equals(Languages.Swedish, StringComparison.OrdinalIgnoreCase)))
            {
                return PageTexts.For(Languages.Normalize(chosen));
            }
        }

        var preferred = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith(Languages.Swedish, StringComparison.OrdinalIgnoreCase) || l.StartsWith(Languages.English, StringComparison.OrdinalIgnoreCase));
        return PageTexts.For(Languages.Normalize(preferred));
    }

    /// <summary>A parameter given exactly once, else null (a repeated parameter is not guessed at).</summary>
    public static string? Single(IQueryCollection query, string name) => query[name] is { Count: 1 } values ? values[0] : null;

    public static string? Single(IFormCollection form, string name) => form[name] is { Count: 1 } values ? values[0] : null;
}
