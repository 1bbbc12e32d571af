namespace KollegialtUtbyte.Identity.Api;

/// <summary>The words of the pages that confirm or stop a change of e-mail address, in Swedish and in English.</summary>
internal sealed record EmailChangeTexts(
    string ConfirmTitle,
    Func<string, string> ConfirmIntro,
    string NewEmailLabel,
    string CurrentPasswordLabel,
    string CurrentPasswordHint,
    string ConfirmButton,
    string ConfirmedTitle,
    Func<string, string> ConfirmedText,
    string PasswordRequired,
    string PasswordWrong,
    string AddressTakenTitle,
    string AddressTakenText,
    string StopTitle,
    Func<string, string, string> StopIntro,
    string StopButton,
    string StoppedTitle,
    Func<string, string> StoppedText,
    string TooManyAttemptsTitle,
    string TooManyAttemptsText)
{
    public static readonly EmailChangeTexts Swedish = new(
        ConfirmTitle: "Bekräfta din nya e-postadress",
        ConfirmIntro: email => $"Bekräfta att {email} ska bli e-postadressen du loggar in med och får mejl till i Kollegialt utbyte.",
        NewEmailLabel: "Ny e-postadress",
        CurrentPasswordLabel: "Ditt nuvarande lösenord",
        CurrentPasswordHint: "Lösenordet visar att det är du som äger kontot.",
        ConfirmButton: "Bekräfta den nya adressen",
        ConfirmedTitle: "Din e-postadress är bytt",
        ConfirmedText: email => $"Du loggar nu in med {email}, och mejl från Kollegialt utbyte skickas dit.",
        PasswordRequired: "Skriv ditt nuvarande lösenord.",
        PasswordWrong: "Lösenordet stämmer inte.",
        AddressTakenTitle: "Adressen används redan",
        AddressTakenText: "Ett annat konto använder redan den här e-postadressen, så bytet kan inte genomföras. Kontakta din projektledare eller administratören.",
        StopTitle: "Stoppa bytet av e-postadress",
        StopIntro: (current, next) => $"Någon har bett om att byta e-postadressen för ditt konto från {current} till {next}. Om du inte vill det kan du stoppa bytet här; då behåller du din nuvarande adress.",
        StopButton: "Stoppa bytet",
        StoppedTitle: "Bytet är stoppat",
        StoppedText: current => $"Din e-postadress är fortfarande {current}. Om du inte känner till ändringen, kontakta din projektledare eller administratören.",
        TooManyAttemptsTitle: "Bytet är stoppat",
        TooManyAttemptsText: "Fel lösenord angavs för många gånger, så bytet av e-postadress har stoppats. Be om ett nytt byte om du fortfarande vill byta adress.");

    public static readonly EmailChangeTexts English = new(
        ConfirmTitle: "Confirm your new e-mail address",
        ConfirmIntro: email => $"Confirm that {email} is to be the e-mail address you sign in with and receive mail at in Kollegialt utbyte.",
        NewEmailLabel: "New e-mail address",
        CurrentPasswordLabel: "Your current password",
        CurrentPasswordHint: "The password shows that you are the owner of the account.",
        ConfirmButton: "Confirm the new address",
        ConfirmedTitle: "Your e-mail address has been changed",
        ConfirmedText: email => $"You now sign in with {email}, and mail from Kollegialt utbyte goes there.",
        PasswordRequired: "Enter your current password.",
        PasswordWrong: "The password is not correct.",
        AddressTakenTitle: "The address is already in use",
        AddressTakenText: "Another account already uses this e-mail address, so the change cannot be made. Contact your project leader or the administrator.",
        StopTitle: "Stop the change of e-mail address",
        StopIntro: (current, next) => $"Someone has asked to change the e-mail address of your account from {current} to {next}. If you do not want that, stop the change here; you then keep your current address.",
        StopButton: "Stop the change",
        StoppedTitle: "The change has been stopped",
        StoppedText: current => $"Your e-mail address is still {current}. If you do not know about the change, contact your project leader or the administrator.",
        TooManyAttemptsTitle: "The change has been stopped",
        TooManyAttemptsText: "A wrong password was entered too many times, so the change of e-mail address has been stopped. Ask for a new change if you still want to change your address.");

    public static EmailChangeTexts For(PageTexts texts) => texts.Language == Domain.Languages.English ? English : Swedish;
}
