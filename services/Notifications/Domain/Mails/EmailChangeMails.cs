namespace KollegialtUtbyte.Notifications.Domain.Mails;

/// <summary>
/// A change of e-mail address: the confirmation link to the new address, and to the old address
/// the notice that the address is about to change, with the link that stops it.
/// </summary>
internal static class EmailChangeMails
{
    public static MailContent Render(MailKind kind, EmailChangeMail mail, MailRecipient to, MailSettings settings)
    {
        var english = to.Language == Language.English;
        string Pick(string swedish, string inEnglish) => english ? inEnglish : swedish;
        var service = MailSettings.ServiceName;
        var until = TimeTexts.Moment(mail.ExpiresAt, TimeTexts.Zone(settings.TimeZone, settings.TimeZone), to.Language);
        var addresses = new[] { (Pick("Nuvarande adress", "Current address"), (string?)mail.CurrentEmail), (Pick("Ny adress", "New address"), mail.NewEmail) };

        return kind switch
        {
            MailKind.EmailChangeConfirmation => new MailBody(to.Language,
                    Pick($"Bekräfta din nya e-postadress i {service}", $"Confirm your new e-mail address in {service}"),
                    Pick("Bekräfta din nya e-postadress", "Confirm your new e-mail address"))
                .Greeting(to.Name)
                .Paragraph(Pick(
                    $"Någon har bett om att ditt konto i {service} ska använda den här e-postadressen. Adressen byts först när du bekräftar den via länken nedan, med ditt nuvarande lösenord.",
                    $"Someone has asked for your account in {service} to use this e-mail address. The address changes only when you confirm it through the link below, with your current password."))
                .Facts(addresses)
                .Actions((Pick("Bekräfta den nya adressen", "Confirm the new address"), settings.Links.EmailChangeConfirmation(mail.Token, to.Language)))
                .Paragraph(Pick($"Länken kan användas en gång och gäller till {until}.", $"The link can be used once and is valid until {until}."))
                .Paragraph(Pick("Om du inte väntade dig det här mejlet kan du bortse från det; ingenting ändras då.",
                    "If you did not expect this mail, you can ignore it; nothing changes then."))
                .Build(),
            MailKind.EmailChangeNotice => new MailBody(to.Language,
                    Pick("Din e-postadress håller på att ändras", "Your e-mail address is about to change"),
                    Pick("Din e-postadress håller på att ändras", "Your e-mail address is about to change"))
                .Greeting(to.Name)
                .Paragraph(Pick(
                    $"Någon har bett om att byta e-postadressen för ditt konto i {service} till {mail.NewEmail}. Bytet genomförs först när det bekräftas från den nya adressen; till dess loggar du in med din nuvarande adress som vanligt.",
                    $"Someone has asked to change the e-mail address of your account in {service} to {mail.NewEmail}. The change is made only when it is confirmed from the new address; until then you sign in with your current address as usual."))
                .Facts(addresses)
                .Paragraph(Pick("Om du inte vill att adressen ändras, eller inte känner till ändringen, stoppa bytet via länken nedan.",
                    "If you do not want the address to change, or do not know about the change, stop it through the link below."))
                .Actions((Pick("Stoppa bytet", "Stop the change"), settings.Links.EmailChangeStop(mail.Token, to.Language)))
                .Paragraph(Pick($"Länken kan användas en gång och gäller till {until}.", $"The link can be used once and is valid until {until}."))
                .Build(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a mail about a changed e-mail address."),
        };
    }
}
