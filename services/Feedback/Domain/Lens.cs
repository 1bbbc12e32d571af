namespace KollegialtUtbyte.Feedback.Domain;

/// <summary>Where a lens comes from: the method of seed 002, the global goals, or the programme's themes.</summary>
public enum LensGroup
{
    /// <summary>The six tools of Gröna tråden (Region Kronoberg's working method).</summary>
    GreenThread,

    /// <summary>The 17 goals of Agenda 2030.</summary>
    Agenda2030,

    /// <summary>The five themes of the programme's meetings.</summary>
    ProgrammeTheme,
}

/// <summary>A perspective a round asks its reviewers to answer from (a catalogue entry loaded from the seeds).</summary>
public sealed class Lens
{
    public required string Code { get; set; }

    public LensGroup Group { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    public int SortOrder { get; set; }
}
