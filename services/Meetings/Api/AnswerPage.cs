using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;

namespace KollegialtUtbyte.Meetings.Api;

/// <summary>
/// The small page an answer link shows: in the invitee's language like their mails (Swedish unless
/// it is English; the browser's preference when the link is unknown); plain, accessible HTML
/// (language set, one heading, a real form, readable without styles or scripts).
/// </summary>
internal static class AnswerPage
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    // Letters such as å, ä and ö stay as they are (the page is UTF-8); markup characters are still escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>"en" for a person whose language is English, "sv" for everyone else, null for nobody known.</summary>
    public static string? LanguageOf(Person? person) =>
        person is null ? null : person.PreferredLanguage.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "sv";

    /// <summary>"sv" unless the Accept-Language header ranks English above Swedish.</summary>
    public static string LanguageOf(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith("sv", StringComparison.OrdinalIgnoreCase) || l.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        return preferred?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "sv";
    }

    public static (string Title, string Detail) Explain(AnswerLinkResult result)
    {
        var sv = result.Language != "en";
        var meeting = Describe(result, sv);
        var unchanged = sv ? "Inget har ändrats." : "Nothing has been changed.";
        var signIn = sv ? "logga in i Kollegialt utbyte" : "sign in to Kollegialt utbyte";
        return result.Outcome switch
        {
            AnswerLinkOutcome.Ready => (sv ? "Bekräfta ditt svar" : "Confirm your answer",
                sv ? $"Du svarar ”{AnswerText(result.Answer, sv)}” på inbjudan till {meeting}. Svaret sparas när du trycker på Bekräfta."
                   : $"You are answering “{AnswerText(result.Answer, sv)}” to the invitation to {meeting}. The answer is saved when you press Confirm."),
            AnswerLinkOutcome.Answered => (sv ? "Tack för ditt svar" : "Thank you for your answer", result.Invitation!.Answer switch
            {
                InvitationAnswer.Accepted => sv ? $"Du har tackat ja till {meeting}." : $"You have accepted {meeting}.",
                InvitationAnswer.Declined => sv ? $"Du har tackat nej till {meeting}." : $"You have declined {meeting}.",
                _ => sv ? $"Du har svarat kanske på {meeting}." : $"You have answered maybe to {meeting}.",
            }),
            AnswerLinkOutcome.UnknownAnswer => (sv ? "Okänt svar" : "Unknown answer",
                (sv ? "Länken innehåller inget giltigt svar (ja, nej eller kanske). Använd länkarna i inbjudan. " : "The link holds no valid answer (accepted, declined or tentative). Use the links in the invitation. ") + unchanged),
            AnswerLinkOutcome.Unknown => (sv ? "Länken fungerar inte" : "The link does not work",
                (sv ? $"Länken är inte giltig. Kontrollera att hela länken från e-postmeddelandet kom med, eller {signIn} och svara där. " : $"The link is not valid. Check that the whole link from the e-mail was used, or {signIn} and answer there. ") + unchanged),
            AnswerLinkOutcome.Expired => (sv ? "Länken har gått ut" : "The link has expired",
                (sv ? $"Svarslänken gällde fram till att {meeting} började. " : $"The answer link was valid until {meeting} began. ") + unchanged),
            AnswerLinkOutcome.Withdrawn => (sv ? "Inbjudan är återkallad" : "The invitation has been withdrawn",
                (sv ? $"Du är inte längre inbjuden till {meeting}. " : $"You are no longer invited to {meeting}. ") + unchanged),
            AnswerLinkOutcome.MeetingCancelled => (sv ? "Träffen är inställd" : "The meeting is cancelled",
                (sv ? $"{Capitalised(meeting)} är inställd. " : $"{Capitalised(meeting)} has been cancelled. ") + unchanged),
            _ => (sv ? "Svaret kunde inte sparas" : "The answer could not be saved",
                (sv ? $"Länken användes samtidigt från ett annat ställe; {signIn} för att se ditt svar. " : $"The link was used from somewhere else at the same time; {signIn} to see your answer. ") + unchanged),
        };
    }

    /// <summary>
    /// The page for <paramref name="result"/>. When the link is ready to use, its form carries
    /// <paramref name="token"/> in the body of the POST, never in an address.
    /// </summary>
    public const string ContentType = "text/html; charset=utf-8";

    public static ContentHttpResult Render(HttpContext http, AnswerLinkResult result, string? token = null)
    {
        var language = result.Language ?? LanguageOf(http.Request);
        result = result with { Language = language };
        var sv = language == "sv";
        var (title, detail) = Explain(result);
        var main = new StringBuilder();
        main.Append("<h1>").Append(Html.Encode(title)).Append("</h1>\n<p>").Append(Html.Encode(detail)).Append("</p>\n");
        if (result.Outcome is AnswerLinkOutcome.Ready or AnswerLinkOutcome.Answered && result.Meeting is { } meeting)
        {
            AppendFacts(main, result, meeting, sv);
        }

        if (result.Outcome == AnswerLinkOutcome.Ready && token is not null)
        {
            if (result.Invitation!.Answer != InvitationAnswer.Pending)
            {
                main.Append("<p>").Append(Html.Encode(sv
                    ? $"Ditt nuvarande svar är ”{AnswerText(result.Invitation.Answer, sv)}”. Det nya svaret ersätter det."
                    : $"Your current answer is “{AnswerText(result.Invitation.Answer, sv)}”. The new answer replaces it.")).Append("</p>\n");
            }

            main.Append("<form method=\"post\" action=\"").Append(Html.Encode(http.Request.PathBase + OneClickAnswerEndpoints.ConfirmPath)).Append("\">\n")
                .Append("<input type=\"hidden\" name=\"token\" value=\"").Append(Html.Encode(token)).Append("\">\n")
                .Append("<input type=\"hidden\" name=\"answer\" value=\"").Append(result.Answer!.Value.ToString().ToLowerInvariant()).Append("\">\n")
                .Append("<button type=\"submit\">").Append(sv ? "Bekräfta" : "Confirm").Append("</button>\n</form>\n")
                .Append("<p>").Append(Html.Encode(sv
                    ? "Vill du svara något annat? Använd en annan länk i inbjudan."
                    : "Would you rather answer something else? Use another link in the invitation.")).Append("</p>\n");
        }
        else if (result.Outcome == AnswerLinkOutcome.Answered)
        {
            main.Append("<p>").Append(Html.Encode(sv
                ? "Fram till att träffen börjar kan du ändra ditt svar med länkarna i inbjudan."
                : "Until the meeting starts you can change your answer with the links in the invitation.")).Append("</p>\n");
        }

        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";

        // The token is in the address (and in the form): no referrer, no caching, no framing, no indexing.
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.ContentLanguage = language;
        var page = $$"""
            <!doctype html>
            <html lang="{{language}}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="robots" content="noindex">
              <title>{{Html.Encode(title)}} – Kollegialt utbyte</title>
              <style>
                body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1b1b1b; background: #ffffff; }
                main { max-width: 36rem; margin: 3rem auto; padding: 0 1rem; }
                h1 { font-size: 1.6rem; }
                dt { font-weight: bold; }
                dd { margin: 0 0 0.5rem 0; }
                button { font: inherit; padding: 0.6rem 1.4rem; border: 2px solid #1b1b1b; border-radius: 4px; background: #1b1b1b; color: #ffffff; cursor: pointer; }
                button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
              </style>
            </head>
            <body>
              <main>
            {{main}}  </main>
            </body>
            </html>

            """;
        return TypedResults.Content(page, ContentType, Encoding.UTF8, OneClickAnswerEndpoints.StatusOf(result.Outcome));
    }

    private static void AppendFacts(StringBuilder html, AnswerLinkResult result, Meeting meeting, bool sv)
    {
        html.Append("<dl>\n");
        Fact(html, sv ? "Träff" : "Meeting", meeting.Title);
        Fact(html, sv ? "När" : "When", When(meeting, result.Programme!, sv));
        Fact(html, sv ? "Var" : "Where", meeting.Venue);
        Fact(html, sv ? "Digitalt" : "Online", meeting.OnlineLink);
        if (result.Outcome == AnswerLinkOutcome.Ready)
        {
            Fact(html, sv ? "Ditt svar" : "Your answer", AnswerText(result.Answer, sv));
        }

        html.Append("</dl>\n");
    }

    private static void Fact(StringBuilder html, string term, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            html.Append("<dt>").Append(Html.Encode(term)).Append("</dt>\n<dd>").Append(Html.Encode(value)).Append("</dd>\n");
        }
    }

    // The words of the mail's links.
    private static string AnswerText(InvitationAnswer? answer, bool sv) => answer switch
    {
        InvitationAnswer.Accepted => sv ? "Ja, jag kommer" : "Yes, I will attend",
        InvitationAnswer.Declined => sv ? "Nej, jag kan inte komma" : "No, I cannot attend",
        InvitationAnswer.Tentative => sv ? "Kanske, jag vet inte ännu" : "Maybe, I do not know yet",
        _ => sv ? "Inget svar" : "No answer",
    };

    private static string Describe(AnswerLinkResult result, bool sv) =>
        result.Meeting is { } meeting && result.Programme is { } programme
            ? sv ? $"”{meeting.Title}” ({When(meeting, programme, sv)})" : $"“{meeting.Title}” ({When(meeting, programme, sv)})"
            : sv ? "träffen" : "the meeting";

    /// <summary>Day and time in the programme's zone (Europe/Stockholm).</summary>
    private static string When(Meeting meeting, ProgrammeCalendar programme, bool sv)
    {
        var starts = TimeZoneInfo.ConvertTime(meeting.StartsAt, programme.Zone);
        var ends = TimeZoneInfo.ConvertTime(meeting.EndsAt, programme.Zone);
        return sv
            ? $"{starts.ToString("dddd d MMMM yyyy", Swedish)} kl. {starts.ToString("HH.mm", Swedish)}–{ends.ToString("HH.mm", Swedish)}"
            : $"{starts.ToString("dddd d MMMM yyyy", English)}, {starts.ToString("HH:mm", English)}–{ends.ToString("HH:mm", English)}";
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
