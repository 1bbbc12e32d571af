namespace KollegialtUtbyte.Identity.Api;

/// <summary>The words of the account pages, in Swedish and in English.</summary>
internal sealed record PageTexts
{
    public required string Language { get; init; }

    public required string SiteName { get; init; }

    public required string OtherLanguage { get; init; }

    public required string OtherLanguageName { get; init; }

    public required string LanguageNavigation { get; init; }

    public required string EmailLabel { get; init; }

    public required string NewPasswordLabel { get; init; }

    public required Func<int, string> PasswordHint { get; init; }

    public required string ConfirmPasswordLabel { get; init; }

    public required string ErrorSummaryTitle { get; init; }

    public required string ErrorPrefix { get; init; }

    public required string ActivateTitle { get; init; }

    public required string ActivateIntro { get; init; }

    public required string ActivateButton { get; init; }

    public required string ActivatedTitle { get; init; }

    public required string ActivatedText { get; init; }

    public required string ResetRequestTitle { get; init; }

    public required string ResetRequestIntro { get; init; }

    public required string ResetRequestButton { get; init; }

    public required Func<TimeSpan, string> ResetRequestedText { get; init; }

    public required string ResetRequestedTitle { get; init; }

    public required string ResetTitle { get; init; }

    public required string TooManyRequestsTitle { get; init; }

    public required string TooManyRequestsText { get; init; }

    public required string ResetIntro { get; init; }

    public required string ResetButton { get; init; }

    public required string ResetDoneTitle { get; init; }

    public required string ResetDoneText { get; init; }

    public required string SignInLink { get; init; }

    public required string InvalidLinkTitle { get; init; }

    public required string InvalidLinkText { get; init; }

    public required string RequestNewLink { get; init; }

    public required string BadFormTitle { get; init; }

    public required string BadFormText { get; init; }

    public required string EmailRequired { get; init; }

    public required string EmailInvalid { get; init; }

    public required string PasswordRequired { get; init; }

    public required string PasswordsDiffer { get; init; }

    public required Func<int, string> PasswordTooShort { get; init; }

    public required Func<int, string> PasswordTooLong { get; init; }

    public required string PasswordTooSimple { get; init; }

    public required string PasswordIsEmail { get; init; }

    public required string PasswordBreaksRules { get; init; }

    public static readonly PageTexts Swedish = new()
    {
        Language = Languages.Swedish,
        SiteName = "Kollegialt utbyte",
        OtherLanguage = Languages.English,
        OtherLanguageName = "In English",
        LanguageNavigation = "Språk",
        EmailLabel = "E-postadress",
        NewPasswordLabel = "Nytt lösenord",
        PasswordHint = min => $"Minst {min} tecken. En fras av flera ord är lätt att minnas och svår att gissa.",
        ConfirmPasswordLabel = "Upprepa lösenordet",
        ErrorSummaryTitle = "Rätta följande",
        ErrorPrefix = "Fel:",
        ActivateTitle = "Aktivera ditt konto",
        ActivateIntro = "Välj ett lösenord för ditt konto. Du loggar sedan in med din e-postadress och lösenordet.",
        ActivateButton = "Aktivera kontot",
        ActivatedTitle = "Kontot är aktiverat",
        ActivatedText = "Du kan nu logga in med din e-postadress och ditt nya lösenord.",
        ResetRequestTitle = "Glömt lösenordet",
        ResetRequestIntro = "Skriv e-postadressen till ditt konto, så skickar vi en länk där du kan välja ett nytt lösenord.",
        ResetRequestButton = "Skicka länken",
        ResetRequestedTitle = "Kolla din e-post",
        ResetRequestedText = valid => $"Om det finns ett konto med den adressen har vi skickat en länk till den. Länken gäller i {Duration(valid, Languages.Swedish)} och kan användas en gång.",
        ResetTitle = "Välj ett nytt lösenord",
        TooManyRequestsTitle = "För många försök",
        TooManyRequestsText = "Det har kommit för många förfrågningar härifrån på kort tid. Vänta en stund och försök igen.",
        ResetIntro = "Välj ett nytt lösenord för ditt konto. Du loggas samtidigt ut på alla enheter.",
        ResetButton = "Spara lösenordet",
        ResetDoneTitle = "Lösenordet är bytt",
        ResetDoneText = "Logga in med ditt nya lösenord. Du har loggats ut på alla enheter där du var inloggad.",
        SignInLink = "Till inloggningen",
        InvalidLinkTitle = "Länken fungerar inte",
        InvalidLinkText = "Länken är ogiltig, har redan använts eller har slutat gälla.",
        RequestNewLink = "Begär en ny länk",
        BadFormTitle = "Något gick fel",
        BadFormText = "Formuläret kunde inte läsas. Gå tillbaka och försök igen.",
        EmailRequired = "Skriv din e-postadress.",
        EmailInvalid = "Skriv en e-postadress i formen namn@exempel.se.",
        PasswordRequired = "Skriv ett lösenord.",
        PasswordsDiffer = "Lösenorden är inte likadana. Skriv samma lösenord i båda fälten.",
        PasswordTooShort = min => $"Lösenordet måste ha minst {min} tecken.",
        PasswordTooLong = max => $"Lösenordet får ha högst {max} tecken.",
        PasswordTooSimple = "Lösenordet har för få olika tecken.",
        PasswordIsEmail = "Lösenordet får inte vara din e-postadress.",
        PasswordBreaksRules = "Lösenordet uppfyller inte reglerna.",
    };

    public static readonly PageTexts English = new()
    {
        Language = Languages.English,
        SiteName = "Kollegialt utbyte",
        OtherLanguage = Languages.Swedish,
        OtherLanguageName = "På svenska",
        LanguageNavigation = "Language",
        EmailLabel = "E-mail address",
        NewPasswordLabel = "New password",
        PasswordHint = min => $"At least {min} characters. A phrase of several words is easy to remember and hard to guess.",
        ConfirmPasswordLabel = "Repeat the password",
        ErrorSummaryTitle = "Please correct the following",
        ErrorPrefix = "Error:",
        ActivateTitle = "Activate your account",
        ActivateIntro = "Choose a password for your account. You then sign in with your e-mail address and the password.",
        ActivateButton = "Activate the account",
        ActivatedTitle = "Your account is activated",
        ActivatedText = "You can now sign in with your e-mail address and your new password.",
        ResetRequestTitle = "Forgotten password",
        ResetRequestIntro = "Enter the e-mail address of your account and we will send you a link where you can choose a new password.",
        ResetRequestButton = "Send the link",
        ResetRequestedTitle = "Check your e-mail",
        ResetRequestedText = valid => $"If there is an account with that address, we have sent a link to it. The link is valid for {Duration(valid, Languages.English)} and can be used once.",
        ResetTitle = "Choose a new password",
        TooManyRequestsTitle = "Too many attempts",
        TooManyRequestsText = "Too many requests have come from here in a short time. Please wait a while and try again.",
        ResetIntro = "Choose a new password for your account. You will be signed out on all devices.",
        ResetButton = "Save the password",
        ResetDoneTitle = "Your password has been changed",
        ResetDoneText = "Sign in with your new password. You have been signed out on every device where you were signed in.",
        SignInLink = "Go to sign-in",
        InvalidLinkTitle = "The link does not work",
        InvalidLinkText = "The link is not valid, has already been used or has expired.",
        RequestNewLink = "Request a new link",
        BadFormTitle = "Something went wrong",
        BadFormText = "The form could not be read. Go back and try again.",
        EmailRequired = "Enter your e-mail address.",
        EmailInvalid = "Enter an e-mail address like name@example.com.",
        PasswordRequired = "Enter a password.",
        PasswordsDiffer = "The passwords are not the same. Enter the same password in both fields.",
        PasswordTooShort = min => $"The password must have at least {min} characters.",
        PasswordTooLong = max => $"The password may have at most {max} characters.",
        PasswordTooSimple = "The password has too few different characters.",
        PasswordIsEmail = "The password must not be your e-mail address.",
        PasswordBreaksRules = "The password does not meet the rules.",
    };

    public static PageTexts For(string language) => language == Languages.English ? English : Swedish;

    /// <summary>A message for an ASP.NET Core Identity password error code.</summary>
    public string PasswordProblem(string code, int minimumLength) => code switch
    {
        "PasswordTooShort" => PasswordTooShort(minimumLength),
        "PasswordRequiresUniqueChars" => PasswordTooSimple,
        NotTheUserNameValidator.Code => PasswordIsEmail,
        _ => PasswordBreaksRules,
    };

    private static string Duration(TimeSpan span, string language) => (span.TotalHours, language) switch
    {
        ( >= 48, Languages.English) => $"{span.TotalDays:0} days",
        ( >= 48, _) => $"{span.TotalDays:0} dagar",
        ( >= 2, Languages.English) => $"{span.TotalHours:0} hours",
        ( >= 2, _) => $"{span.TotalHours:0} timmar",
        (_, Languages.English) => $"{span.TotalMinutes:0} minutes",
        _ => $"{span.TotalMinutes:0} minuter",
    };
}
