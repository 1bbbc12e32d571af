namespace KollegialtUtbyte.Portal.FollowUp;

// The follow-up of decisions comes from Meetings' contract (actions on decision points), the
// regions' priorities from Feedback's (KollegialtUtbyte.Feedback.ApiContracts).

/// <summary>The statuses of an action, in the order they are offered.</summary>
public static class ActionStatuses
{
    public static readonly ActionStatus[] All = [ActionStatus.Planned, ActionStatus.InProgress, ActionStatus.Done, ActionStatus.Dropped];
}
