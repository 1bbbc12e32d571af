namespace KollegialtUtbyte.Portal;

/// <summary>Texts of the administrator's account pages (Resources/AccountTexts.resx, Swedish, and AccountTexts.en.resx).</summary>
public sealed class AccountTexts;
