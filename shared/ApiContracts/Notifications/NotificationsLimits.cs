namespace KollegialtUtbyte.Notifications.ApiContracts;

/// <summary>The bounds of Notifications' answers.</summary>
public static class NotificationsLimits
{
    /// <summary>How many failed mails a list holds at most (the newest); <see cref="FailedMails.Total"/> counts them all.</summary>
    public const int MaxFailedMailsListed = 100;
}
