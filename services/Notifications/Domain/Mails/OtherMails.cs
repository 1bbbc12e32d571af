using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Notifications.Domain.Mails;

/// <summary>Feedback on strategy drafts: a draft to review, the deadline approaching, the feedback released.</summary>
internal static class FeedbackMails
{
    public static MailContent Render(MailKind kind, FeedbackMail mail, MailRecipient to, MailSettings settings)
    {
        var language = to.Language;
        var english = language == Language.English;
        var zone = TimeTexts.Zone(settings.TimeZone, settings.TimeZone);
        var deadline = TimeTexts.Moment(mail.Deadline, zone, language);
        var author = mail.AuthorRegionName is { Length: > 0 } name ? name : null;
        var portal = english ? $"Open {MailSettings.ServiceName}" : $"Öppna {MailSettings.ServiceName}";

        switch (kind)
        {
            case MailKind.FeedbackReviewRequested:
            {
                var subject = english ? $"Draft to review: {mail.DocumentTitle}" : $"Utkast att granska: {mail.DocumentTitle}";
                return new MailBody(language, subject, subject)
                    .Greeting(to.Name)
                    .Paragraph(english
                        ? $"{author ?? "A region"} has submitted the draft “{mail.DocumentTitle}” for feedback, and your region has been asked to review it."
                        : $"{author ?? "En region"} har lämnat utkastet ”{mail.DocumentTitle}” för återkoppling, och er region är ombedd att granska det.")
                    .Facts((english ? "Feedback due" : "Sista dag för återkoppling", deadline))
                    .Link(portal, settings.Links.Portal)
                    .Build();
            }

            case MailKind.FeedbackDeadlineReminder:
            {
                var subject = english ? $"Reminder: feedback on {mail.DocumentTitle}" : $"Påminnelse: återkoppling på {mail.DocumentTitle}";
                var from = author is null ? "" : english ? $" from {author}" : $" från {author}";
                return new MailBody(language, subject, subject)
                    .Greeting(to.Name)
                    .Paragraph(english
                        ? $"Your region has not yet given its feedback on the draft “{mail.DocumentTitle}”{from}."
                        : $"Er region har ännu inte lämnat återkoppling på utkastet ”{mail.DocumentTitle}”{from}.")
                    .Facts((english ? "Feedback due" : "Sista dag för återkoppling", deadline))
                    .Link(portal, settings.Links.Portal)
                    .Build();
            }

            case MailKind.FeedbackReleased:
            {
                var subject = english ? $"Feedback on {mail.DocumentTitle}" : $"Återkoppling på {mail.DocumentTitle}";
                var count = mail.FeedbackCount ?? 0;
                var text = count > 0
                    ? english
                        ? $"The feedback round on your draft “{mail.DocumentTitle}” has closed. The feedback from the other regions ({count} {(count == 1 ? "response" : "responses")}) is now yours to read."
                        : $"Återkopplingsrundan för ert utkast ”{mail.DocumentTitle}” är avslutad. Återkopplingen från de andra regionerna ({count} svar) finns nu att läsa."
                    : english
                        ? $"The feedback round on your draft “{mail.DocumentTitle}” has closed without any feedback."
                        : $"Återkopplingsrundan för ert utkast ”{mail.DocumentTitle}” är avslutad utan att någon återkoppling lämnades.";
                return new MailBody(language, subject, subject)
                    .Greeting(to.Name)
                    .Paragraph(text)
                    .Link(portal, settings.Links.Portal)
                    .Build();
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a feedback mail.");
        }
    }
}

/// <summary>Account activation and password reset links.</summary>
internal static class AccountMails
{
    public static MailContent Render(MailKind kind, AccountLinkMail mail, MailRecipient to, MailSettings settings)
    {
        var language = to.Language;
        var english = language == Language.English;
        var zone = TimeTexts.Zone(settings.TimeZone, settings.TimeZone);
        var validity = english
            ? $"The link can be used once and is valid until {TimeTexts.Moment(mail.ExpiresAt, zone, language)}."
            : $"Länken kan användas en gång och gäller till {TimeTexts.Moment(mail.ExpiresAt, zone, language)}.";

        switch (kind)
        {
            case MailKind.AccountActivation:
            {
                var subject = english ? $"Activate your account in {MailSettings.ServiceName}" : $"Aktivera ditt konto i {MailSettings.ServiceName}";
                return new MailBody(language, subject, subject)
                    .Greeting(to.Name)
                    .Paragraph(english
                        ? $"An account has been created for you in {MailSettings.ServiceName}. Choose your password through the link below to activate it."
                        : $"Ett konto har skapats åt dig i {MailSettings.ServiceName}. Välj ditt lösenord via länken nedan för att aktivera kontot.")
                    .Actions((english ? "Activate my account" : "Aktivera mitt konto", settings.Links.AccountActivation(mail.Token)))
                    .Paragraph(validity)
                    .Paragraph(english ? "If you did not expect this mail, you can ignore it." : "Om du inte väntade dig det här mejlet kan du bortse från det.")
                    .Build();
            }

            case MailKind.PasswordReset:
            {
                var subject = english ? $"Reset your password in {MailSettings.ServiceName}" : $"Återställ ditt lösenord i {MailSettings.ServiceName}";
                return new MailBody(language, subject, subject)
                    .Greeting(to.Name)
                    .Paragraph(english
                        ? "Someone, hopefully you, asked to reset the password of your account. Choose a new password through the link below."
                        : "Någon, förhoppningsvis du, har bett om att få återställa lösenordet till ditt konto. Välj ett nytt lösenord via länken nedan.")
                    .Actions((english ? "Choose a new password" : "Välj ett nytt lösenord", settings.Links.PasswordReset(mail.Token)))
                    .Paragraph(validity)
                    .Paragraph(english
                        ? "If you did not ask for this, you can ignore this mail; your password stays as it is."
                        : "Om du inte har bett om det här kan du bortse från mejlet; ditt lösenord förblir oförändrat.")
                    .Build();
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an account mail.");
        }
    }
}

/// <summary>To administrators: a politician's attendance quota is at risk or can no longer be reached.</summary>
internal static class QuotaMails
{
    public static MailContent Render(QuotaAlertMail mail, MailRecipient to, MailSettings settings)
    {
        var language = to.Language;
        var english = language == Language.English;
        var unreachable = mail.Status == QuotaStatus.Unreachable;
        var subject = (english, unreachable) switch
        {
            (true, true) => $"Attendance requirement out of reach: {mail.PoliticianName}, {mail.RegionName}",
            (true, false) => $"Attendance at risk: {mail.PoliticianName}, {mail.RegionName}",
            (false, true) => $"Närvarokravet kan inte längre nås: {mail.PoliticianName}, {mail.RegionName}",
            (false, false) => $"Närvaron i farozonen: {mail.PoliticianName}, {mail.RegionName}",
        };

        // The programme's rule: one politician per region takes part in half of the meetings.
        var text = (english, unreachable) switch
        {
            (true, true) => $"{mail.PoliticianName} ({mail.RegionName}) can no longer reach the required attendance of half of the meetings, even by attending every remaining meeting.",
            (true, false) => $"{mail.PoliticianName} ({mail.RegionName}) must attend every remaining meeting to reach the required attendance of half of the meetings.",
            (false, true) => $"{mail.PoliticianName} ({mail.RegionName}) kan inte längre nå kravet på att delta på hälften av träffarna, även med närvaro på alla återstående träffar.",
            (false, false) => $"{mail.PoliticianName} ({mail.RegionName}) behöver delta på alla återstående träffar för att nå kravet på att delta på hälften av träffarna.",
        };

        return new MailBody(language, subject, subject)
            .Greeting(to.Name)
            .Paragraph(text)
            .Facts(english
                ?
                [
                    ("Required", $"{mail.Required} meetings"),
                    ("Accepted", mail.Accepted.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("Attended", mail.Attended.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("Meetings still possible", mail.StillPossible.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ]
                :
                [
                    ("Krav", $"{mail.Required} träffar"),
                    ("Tackat ja", mail.Accepted.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("Närvarat", mail.Attended.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("Träffar som fortfarande är möjliga", mail.StillPossible.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ])
            .Link(english ? $"Open {MailSettings.ServiceName}" : $"Öppna {MailSettings.ServiceName}", settings.Links.Portal)
            .Build();
    }
}
