namespace KollegialtUtbyte.Portal;

/// <summary>Texts of the start pages (Resources/StartTexts.resx, Swedish, and StartTexts.en.resx).</summary>
public sealed class StartTexts;
