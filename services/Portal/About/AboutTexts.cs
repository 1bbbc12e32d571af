namespace KollegialtUtbyte.Portal;

/// <summary>Texts of the public pages the law asks for (Resources/AboutTexts.resx, Swedish, and AboutTexts.en.resx).</summary>
public sealed class AboutTexts;
