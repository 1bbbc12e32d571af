using System.Globalization;

namespace KollegialtUtbyte.Notifications.Domain.Mails;

/// <summary>Feedback on strategy drafts: a draft to review, the deadline approaching, the feedback released.</summary>
internal static class FeedbackMails
{
    public static MailContent Render(MailKind kind, FeedbackMail mail, MailRecipient to, MailSettings settings)
    {
        var english = to.Language == Language.English;
        string Pick(string swedish, string inEnglish) => english ? inEnglish : swedish;
        var deadline = TimeTexts.Moment(mail.Deadline, TimeTexts.Zone(settings.TimeZone, settings.TimeZone), to.Language);
        var author = mail.AuthorRegionName is { Length: > 0 } name ? name : null;
        var title = mail.DocumentTitle;
        var due = (Pick("Sista dag för återkoppling", "Feedback due"), (string?)deadline);

        var (subject, text, facts) = kind switch
        {
            MailKind.FeedbackReviewRequested => (
                Pick($"Utkast att granska: {title}", $"Draft to review: {title}"),
                Pick($"{author ?? "En region"} har lämnat utkastet ”{title}” för återkoppling, och er region är ombedd att granska det.",
                    $"{author ?? "A region"} has submitted the draft “{title}” for feedback, and your region has been asked to review it."),
                new[] { due }),
            MailKind.FeedbackDeadlineReminder => (
                Pick($"Påminnelse: återkoppling på {title}", $"Reminder: feedback on {title}"),
                Pick($"Er region har ännu inte lämnat återkoppling på utkastet ”{title}”{(author is null ? "" : $" från {author}")}.",
                    $"Your region has not yet given its feedback on the draft “{title}”{(author is null ? "" : $" from {author}")}."),
                new[] { due }),
            MailKind.FeedbackReleased => (
                Pick($"Återkoppling på {title}", $"Feedback on {title}"),
                mail.FeedbackCount is > 0 and var count
                    ? Pick($"Återkopplingsrundan för ert utkast ”{title}” är avslutad. Återkopplingen från de andra regionerna ({count} svar) finns nu att läsa.",
                        $"The feedback round on your draft “{title}” has closed. The feedback from the other regions ({count} {(count == 1 ? "response" : "responses")}) is now yours to read.")
                    : Pick($"Återkopplingsrundan för ert utkast ”{title}” är avslutad utan att någon återkoppling lämnades.",
                        $"The feedback round on your draft “{title}” has closed without any feedback."),
                Array.Empty<(string, string?)>()),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a feedback mail."),
        };

        return new MailBody(to.Language, subject, subject)
            .Greeting(to.Name)
            .Paragraph(text)
            .Facts(facts)
            .Link(Pick($"Öppna {MailSettings.ServiceName}", $"Open {MailSettings.ServiceName}"), settings.Links.Portal)
            .Build();
    }
}

/// <summary>Account activation and password reset links.</summary>
internal static class AccountMails
{
    public static MailContent Render(MailKind kind, AccountLinkMail mail, MailRecipient to, MailSettings settings)
    {
        var english = to.Language == Language.English;
        string Pick(string swedish, string inEnglish) => english ? inEnglish : swedish;
        var service = MailSettings.ServiceName;
        var until = TimeTexts.Moment(mail.ExpiresAt, TimeTexts.Zone(settings.TimeZone, settings.TimeZone), to.Language);

        var (subject, text, action, link, ignore) = kind switch
        {
            MailKind.AccountActivation => (
                Pick($"Aktivera ditt konto i {service}", $"Activate your account in {service}"),
                Pick($"Ett konto har skapats åt dig i {service}. Välj ditt lösenord via länken nedan för att aktivera kontot.",
                    $"An account has been created for you in {service}. Choose your password through the link below to activate it."),
                Pick("Aktivera mitt konto", "Activate my account"),
                settings.Links.AccountActivation(mail.Token),
                Pick("Om du inte väntade dig det här mejlet kan du bortse från det.", "If you did not expect this mail, you can ignore it.")),
            MailKind.PasswordReset => (
                Pick($"Återställ ditt lösenord i {service}", $"Reset your password in {service}"),
                Pick("Någon, förhoppningsvis du, har bett om att få återställa lösenordet till ditt konto. Välj ett nytt lösenord via länken nedan.",
                    "Someone, hopefully you, asked to reset the password of your account. Choose a new password through the link below."),
                Pick("Välj ett nytt lösenord", "Choose a new password"),
                settings.Links.PasswordReset(mail.Token),
                Pick("Om du inte har bett om det här kan du bortse från mejlet; ditt lösenord förblir oförändrat.",
                    "If you did not ask for this, you can ignore this mail; your password stays as it is.")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an account mail."),
        };

        return new MailBody(to.Language, subject, subject)
            .Greeting(to.Name)
            .Paragraph(text)
            .Actions((action, link))
            .Paragraph(Pick($"Länken kan användas en gång och gäller till {until}.", $"The link can be used once and is valid until {until}."))
            .Paragraph(ignore)
            .Build();
    }
}

/// <summary>To administrators: a politician's attendance quota is at risk or can no longer be reached.</summary>
internal static class QuotaMails
{
    public static MailContent Render(QuotaAlertMail mail, MailRecipient to, MailSettings settings)
    {
        var english = to.Language == Language.English;
        string Pick(string swedish, string inEnglish) => english ? inEnglish : swedish;
        string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
        var who = $"{mail.PoliticianName}, {mail.RegionName}";
        var unreachable = mail.Status == QuotaStatus.Unreachable;

        // The programme's rule: one politician per region takes part in half of the meetings.
        var subject = unreachable
            ? Pick($"Närvarokravet kan inte längre nås: {who}", $"Attendance requirement out of reach: {who}")
            : Pick($"Närvaron i farozonen: {who}", $"Attendance at risk: {who}");
        var text = unreachable
            ? Pick($"{mail.PoliticianName} ({mail.RegionName}) kan inte längre nå kravet på att delta på hälften av träffarna, även med närvaro på alla återstående träffar.",
                $"{mail.PoliticianName} ({mail.RegionName}) can no longer reach the required attendance of half of the meetings, even by attending every remaining meeting.")
            : Pick($"{mail.PoliticianName} ({mail.RegionName}) behöver delta på alla återstående träffar för att nå kravet på att delta på hälften av träffarna.",
                $"{mail.PoliticianName} ({mail.RegionName}) must attend every remaining meeting to reach the required attendance of half of the meetings.");

        return new MailBody(to.Language, subject, subject)
            .Greeting(to.Name)
            .Paragraph(text)
            .Facts(
                (Pick("Krav", "Required"), Pick($"{mail.Required} träffar", $"{mail.Required} meetings")),
                (Pick("Tackat ja", "Accepted"), Count(mail.Accepted)),
                (Pick("Närvarat", "Attended"), Count(mail.Attended)),
                (Pick("Träffar som fortfarande är möjliga", "Meetings still possible"), Count(mail.StillPossible)))
            .Link(Pick($"Öppna {MailSettings.ServiceName}", $"Open {MailSettings.ServiceName}"), settings.Links.Portal)
            .Build();
    }
}
