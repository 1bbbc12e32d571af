using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KollegialtUtbyte.Contracts;
using Microsoft.Net.Http.Headers;

namespace KollegialtUtbyte.Meetings.Api;

/// <summary>
/// The small page a one-click answer shows: Swedish, or English when the browser prefers it; plain,
/// accessible HTML (language set, one heading, readable without styles or scripts).
/// </summary>
internal static class AnswerPage
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    // Letters such as å, ä and ö stay as they are (the page is UTF-8); markup characters are still escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

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

    public static (string Title, string Detail) Explain(AnswerLinkResult result, string language)
    {
        var sv = language == "sv";
        var meeting = Describe(result, sv);
        var unchanged = sv ? "Inget har ändrats." : "Nothing has been changed.";
        var signIn = sv ? "logga in i Kollegialt utbyte" : "sign in to Kollegialt utbyte";
        return result.Outcome switch
        {
            AnswerLinkOutcome.Answered => result.Invitation!.Answer switch
            {
                InvitationAnswer.Accepted => (sv ? "Tack för ditt svar" : "Thank you for your answer", sv ? $"Du har tackat ja till {meeting}." : $"You have accepted {meeting}."),
                InvitationAnswer.Declined => (sv ? "Tack för ditt svar" : "Thank you for your answer", sv ? $"Du har tackat nej till {meeting}." : $"You have declined {meeting}."),
                _ => (sv ? "Tack för ditt svar" : "Thank you for your answer", sv ? $"Du har svarat kanske på {meeting}." : $"You have answered maybe to {meeting}."),
            },
            AnswerLinkOutcome.UnknownAnswer => (sv ? "Okänt svar" : "Unknown answer",
                (sv ? "Länken innehåller inget giltigt svar (ja, nej eller kanske). Använd länkarna i inbjudan. " : "The link holds no valid answer (accepted, declined or tentative). Use the links in the invitation. ") + unchanged),
            AnswerLinkOutcome.Malformed or AnswerLinkOutcome.Unknown => (sv ? "Länken fungerar inte" : "The link does not work",
                (sv ? $"Länken är inte giltig. Kontrollera att hela länken från e-postmeddelandet kom med, eller {signIn} och svara där. " : $"The link is not valid. Check that the whole link from the e-mail was used, or {signIn} and answer there. ") + unchanged),
            AnswerLinkOutcome.Expired => (sv ? "Länken har gått ut" : "The link has expired",
                (sv ? $"Svarslänken gällde fram till att {meeting} började. " : $"The answer link was valid until {meeting} began. ") + unchanged),
            AnswerLinkOutcome.AlreadyUsed => (sv ? "Länken är redan använd" : "The link has already been used",
                (sv ? $"Du har redan svarat med den här länken. Vill du ändra ditt svar, {signIn}. " : $"You have already answered with this link. To change your answer, {signIn}. ") + unchanged),
            AnswerLinkOutcome.Withdrawn => (sv ? "Inbjudan är återkallad" : "The invitation has been withdrawn",
                (sv ? $"Du är inte längre inbjuden till {meeting}. " : $"You are no longer invited to {meeting}. ") + unchanged),
            AnswerLinkOutcome.MeetingCancelled => (sv ? "Träffen är inställd" : "The meeting is cancelled",
                (sv ? $"{Capitalised(meeting)} är inställd. " : $"{Capitalised(meeting)} has been cancelled. ") + unchanged),
            _ => (sv ? "Svaret kunde inte sparas" : "The answer could not be saved",
                (sv ? $"Länken användes samtidigt från ett annat ställe; {signIn} för att se ditt svar. " : $"The link was used from somewhere else at the same time; {signIn} to see your answer. ") + unchanged),
        };
    }

    public static string Render(AnswerLinkResult result, string language)
    {
        var (title, detail) = Explain(result, language);
        var html = Html;
        var place = result.Meeting is { } m && (m.Venue ?? m.OnlineLink) is { } where && result.Outcome == AnswerLinkOutcome.Answered
            ? $"\n    <p>{(language == "sv" ? "Plats" : "Place")}: {html.Encode(where)}</p>"
            : "";
        return $$"""
            <!doctype html>
            <html lang="{{language}}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{html.Encode(title)}} – Kollegialt utbyte</title>
              <style>
                body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1b1b1b; background: #ffffff; }
                main { max-width: 36rem; margin: 3rem auto; padding: 0 1rem; }
                h1 { font-size: 1.6rem; }
              </style>
            </head>
            <body>
              <main>
                <h1>{{html.Encode(title)}}</h1>
                <p>{{html.Encode(detail)}}</p>{{place}}
              </main>
            </body>
            </html>

            """;
    }

    private static string Describe(AnswerLinkResult result, bool sv)
    {
        if (result.Meeting is not { } meeting || result.Programme is not { } programme)
        {
            return sv ? "träffen" : "the meeting";
        }

        var zone = programme.Zone;
        var starts = TimeZoneInfo.ConvertTime(meeting.StartsAt, zone);
        var ends = TimeZoneInfo.ConvertTime(meeting.EndsAt, zone);
        var when = sv
            ? $"{starts.ToString("dddd d MMMM yyyy", Swedish)} kl. {starts.ToString("HH.mm", Swedish)}–{ends.ToString("HH.mm", Swedish)}"
            : $"{starts.ToString("dddd d MMMM yyyy", English)}, {starts.ToString("HH:mm", English)}–{ends.ToString("HH:mm", English)}";
        return sv ? $"”{meeting.Title}” ({when})" : $"“{meeting.Title}” ({when})";
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
