namespace KollegialtUtbyte.Portal;

/// <summary>Marks the portal's assembly for tests that start it alone with WebApplicationFactory.</summary>
public sealed class PortalApplication;
