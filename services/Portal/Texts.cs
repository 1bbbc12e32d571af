namespace KollegialtUtbyte.Portal;

/// <summary>Marker for the portal's texts: Resources/Texts.resx (Swedish, the default) and Texts.en.resx.</summary>
public sealed class Texts;
