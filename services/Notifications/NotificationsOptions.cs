using System.Net;
using KollegialtUtbyte.Calendar;
using KollegialtUtbyte.Notifications.Domain.Mails;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KollegialtUtbyte.Notifications;

/// <summary>Section <c>Notifications</c>.</summary>
public sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    /// <summary>The suite's public address (the gateway): links in mails start with it.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:5000/");

    /// <summary>The From of every mail.</summary>
    public Mailbox Sender { get; set; } = new() { Name = MailSettings.ServiceName, Address = "noreply@kollegialt-utbyte.localhost" };

    /// <summary>ORGANIZER of calendar objects; the sender when not set.</summary>
    public Mailbox? Organizer { get; set; }

    /// <summary>Addresses that get administrator alerts besides the accounts holding the administrator role.</summary>
    public List<string> Administrators { get; set; } = [];

    /// <summary>Time zone of deadlines and link expiry times in mails (meetings carry their own).</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary>How long before a meeting reminders go out; 7 days and 1 day when not configured.</summary>
    public List<TimeSpan>? MeetingReminders { get; set; }

    /// <summary>How long before a feedback deadline reviewers who have not answered are reminded; 2 days when not configured.</summary>
    public List<TimeSpan>? FeedbackReminders { get; set; }

    /// <summary>How often the reminder scheduler looks at the database even when nothing woke it.</summary>
    public TimeSpan SchedulerPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public DeliveryOptions Delivery { get; set; } = new();

    // Lists bound from configuration are appended to defaults, so defaults are applied here instead.
    public IReadOnlyList<TimeSpan> MeetingReminderLeads =>
        MeetingReminders is { Count: > 0 } configured ? configured.Distinct().ToList() : [TimeSpan.FromDays(7), TimeSpan.FromDays(1)];

    public IReadOnlyList<TimeSpan> FeedbackReminderLeads =>
        FeedbackReminders is { Count: > 0 } configured ? configured.Distinct().ToList() : [TimeSpan.FromDays(2)];

    public MailSettings ToMailSettings()
    {
        var organizer = Organizer is { Address.Length: > 0 } configured ? configured : Sender;
        return new MailSettings(PublicBaseUrl, new CalendarPerson(organizer.Name ?? MailSettings.ServiceName, organizer.Address), TimeZone);
    }
}

public sealed class Mailbox
{
    public string? Name { get; set; }

    public string Address { get; set; } = "";
}

public enum DeliveryMethod
{
    /// <summary>Writes each mail as an .eml file into <see cref="DeliveryOptions.PickupDirectory"/> (development, tests).</summary>
    PickupDirectory,

    /// <summary>Sends through the SMTP server of <see cref="DeliveryOptions.Smtp"/>.</summary>
    Smtp,
}

/// <summary>Section <c>Notifications:Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    public DeliveryMethod Method { get; set; } = DeliveryMethod.PickupDirectory;

    /// <summary>Where .eml files go; <c>{Database:DataDirectory}/mail</c> when not set.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Delivery attempts before a mail is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Pause after the first failed attempt; it doubles with every further one up to <see cref="LongestRetryPause"/>.</summary>
    public TimeSpan FirstRetryPause { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan LongestRetryPause { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Quick retries within one attempt (a dropped connection, a busy server).</summary>
    public int ImmediateRetries { get; set; } = 2;

    public TimeSpan ImmediateRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a dispatcher holds a mail it is sending before another may try it (after a crash).</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a mail waits for a recipient unknown to the directory before it is recorded as failed.</summary>
    public TimeSpan RecipientWaitLimit { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often the dispatcher looks at the queue even when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 50;

    public DeliveryPolicy Policy => new(MaxAttempts, FirstRetryPause, LongestRetryPause);
}

public enum SmtpSecurity
{
    /// <summary>Connect in plain text, then STARTTLS before anything else is sent; refused by servers that do not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, usually port 465).</summary>
    SslOnConnect,

    /// <summary>No encryption: only for a server on loopback or in development.</summary>
    None,
}

/// <summary>Section <c>Notifications:Delivery:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured; when not set, <see cref="EnableTls"/> decides between STARTTLS and none.</summary>
    public SmtpSecurity? Security { get; set; }

    /// <summary>The older switch: STARTTLS (true) or a plain connection (false); <see cref="Security"/> wins when set.</summary>
    public bool EnableTls { get; set; } = true;

    /// <summary>Allows <see cref="SmtpSecurity.None"/> to a server that is not on loopback outside development: a local mail catcher in a container network.</summary>
    public bool AllowUnencrypted { get; set; }

    public SmtpSecurity EffectiveSecurity => Security ?? (EnableTls ? SmtpSecurity.StartTls : SmtpSecurity.None);

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Refuses to start with settings that would lose or misdirect mail, saying which setting is wrong.</summary>
internal sealed class NotificationsOptionsValidator(IHostEnvironment environment) : IValidateOptions<NotificationsOptions>
{
    // Addresses as mail servers take them: a local part and a domain, no display name.
    private static readonly ParserOptions AddressRules = new() { AllowAddressesWithoutDomain = false };

    public ValidateOptionsResult Validate(string? name, NotificationsOptions options)
    {
        var problems = new List<string>();
        var delivery = options.Delivery;
        if (options.PublicBaseUrl is not { IsAbsoluteUri: true } url || url.Scheme is not ("https" or "http"))
        {
            problems.Add("Notifications:PublicBaseUrl must be an absolute http(s) URL (the suite's public address).");
        }

        if (!IsAddress(options.Sender.Address))
        {
            problems.Add("Notifications:Sender:Address must be an e-mail address.");
        }

        if (options.Organizer is { Address.Length: > 0 } organizer && !IsAddress(organizer.Address))
        {
            problems.Add("Notifications:Organizer:Address must be an e-mail address.");
        }

        if (options.Administrators.FirstOrDefault(a => !IsAddress(a)) is { } invalid)
        {
            problems.Add($"Notifications:Administrators holds '{invalid}', which is not an e-mail address.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            problems.Add($"Notifications:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        if (options.MeetingReminderLeads.Concat(options.FeedbackReminderLeads).Any(lead => lead <= TimeSpan.Zero))
        {
            problems.Add("Reminder lead times (Notifications:MeetingReminders, Notifications:FeedbackReminders) must be positive.");
        }

        if (delivery.Method == DeliveryMethod.Smtp && string.IsNullOrWhiteSpace(delivery.Smtp.Host))
        {
            problems.Add("Notifications:Delivery:Smtp:Host is required when Notifications:Delivery:Method is Smtp.");
        }

        if (delivery.Method == DeliveryMethod.Smtp && delivery.Smtp.EffectiveSecurity == SmtpSecurity.None
            && !delivery.Smtp.AllowUnencrypted && !environment.IsDevelopment() && !IsLoopback(delivery.Smtp.Host))
        {
            problems.Add("Notifications:Delivery:Smtp:Security None (or EnableTls false) is only allowed for a server on loopback or in development "
                + "(or with Notifications:Delivery:Smtp:AllowUnencrypted for a local mail catcher); use StartTls or SslOnConnect.");
        }

        if (delivery.Smtp.Port is < 1 or > 65535)
        {
            problems.Add("Notifications:Delivery:Smtp:Port must be between 1 and 65535.");
        }

        if (delivery.MaxAttempts < 1 || delivery.ImmediateRetries < 0 || delivery.BatchSize < 1)
        {
            problems.Add("Notifications:Delivery needs MaxAttempts >= 1, ImmediateRetries >= 0 and BatchSize >= 1.");
        }

        if (delivery.FirstRetryPause <= TimeSpan.Zero || delivery.LongestRetryPause < delivery.FirstRetryPause || delivery.ImmediateRetryDelay < TimeSpan.Zero
            || delivery.ClaimTimeout <= TimeSpan.Zero || delivery.PollInterval <= TimeSpan.Zero || options.SchedulerPollInterval <= TimeSpan.Zero
            || delivery.Smtp.Timeout <= TimeSpan.Zero)
        {
            problems.Add("Notifications:Delivery pauses, timeouts and poll intervals must be positive, with LongestRetryPause >= FirstRetryPause.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsAddress(string? value) =>
        MailboxAddress.TryParse(AddressRules, value, out var mailbox) && string.IsNullOrEmpty(mailbox.Name) && mailbox.Domain.Length > 0;

    private static bool IsLoopback(string? host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
