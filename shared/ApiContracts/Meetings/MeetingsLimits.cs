namespace KollegialtUtbyte.Meetings.ApiContracts;

/// <summary>The lengths Meetings validates requests against (and stores).</summary>
public static class MeetingsLimits
{
    /// <summary>What an action on a decision point is to achieve.</summary>
    public const int ActionWhatLength = 1000;

    /// <summary>A progress note on an action (and the reason it was dropped).</summary>
    public const int ActionNoteLength = 2000;
}
