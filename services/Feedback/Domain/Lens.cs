namespace KollegialtUtbyte.Feedback.Domain;

/// <summary>A perspective a round asks its reviewers to answer from (a catalogue entry loaded from the seeds).</summary>
public sealed class Lens
{
    public required string Code { get; set; }

    public LensGroup Group { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    public int SortOrder { get; set; }
}
