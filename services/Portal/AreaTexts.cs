namespace KollegialtUtbyte.Portal;

// Each area of the portal keeps its texts in its own resource files (Resources/{Marker}.resx,
// Swedish, and {Marker}.en.resx), so areas can change independently. Texts holds the frame.

/// <summary>Texts of the administrator and facilitator pages.</summary>
public sealed class ProgrammeTexts;

/// <summary>Texts of the regional team and politician pages.</summary>
public sealed class TeamTexts;

/// <summary>Texts of the follow-up pages: actions from decisions, the regions' priorities and the effects report.</summary>
public sealed class FollowUpTexts;

/// <summary>Texts of the administrator's pages on feedback rounds.</summary>
public sealed class RoundTexts;

/// <summary>Texts of the pages on exchanges of every format: dialogues, networks and their people.</summary>
public sealed class ExchangeTexts;
