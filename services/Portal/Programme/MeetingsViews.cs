namespace KollegialtUtbyte.Portal.Programme;

/// <summary>What the pages ask of Meetings' records, read from their status.</summary>
public static class MeetingsViews
{
    extension(MeetingResponse meeting)
    {
        public bool IsCancelled => meeting.Status == MeetingStatus.Cancelled;
    }

    extension(DocumentationResponse documentation)
    {
        public bool IsApproved => documentation.Status == DocumentationStatus.Approved;
    }

    extension(ActionResponse action)
    {
        /// <summary>Still to be done: planned or in progress.</summary>
        public bool IsOpen => action.Status is ActionStatus.Planned or ActionStatus.InProgress;
    }
}
