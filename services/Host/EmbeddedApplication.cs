namespace KollegialtUtbyte.Host;

/// <summary>Marks the embedded host's assembly for tests that start it with WebApplicationFactory.</summary>
public sealed class EmbeddedApplication;
