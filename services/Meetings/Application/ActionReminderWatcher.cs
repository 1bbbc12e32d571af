using KollegialtUtbyte.ServiceDefaults.Hosting;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Meetings.Application;

/// <summary>Section <c>Meetings:ActionReminders</c>: when the owners of decisions' actions are reminded.</summary>
public sealed class ActionReminderOptions
{
    public const string SectionName = "Meetings:ActionReminders";

    /// <summary>How many days before the due date the owner gets the "due soon" reminder (0: on the day).</summary>
    public int DaysBefore { get; set; } = 7;

    /// <summary>How often the watcher looks for reminders to send.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Publishes <see cref="DecisionActionReminderTriggered"/> for open actions of approved decisions
/// that are due soon or overdue (dates in the programme's time zone). The reminder is marked on
/// the action in the same transaction as the event goes into the outbox, so each action is
/// reminded once per kind and due date.
/// </summary>
internal sealed class ActionReminderWatcher(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<ActionReminderOptions> options,
    ILogger<ActionReminderWatcher> logger) : WatcherService(time)
{
    protected override TimeSpan CheckInterval => options.Value.CheckInterval;

    protected override async Task<DateTimeOffset?> RunPassAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await RemindAsync(now, cancellationToken);
        return null;
    }

    protected override void OnPassFailed(Exception exception) =>
        logger.LogError(exception, "Reminding the owners of decisions' actions failed; retrying");

    internal async Task RemindAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDb>();
        var daysBefore = options.Value.DaysBefore;

        // A day of margin for the time zones; each action is then judged by its programme's date.
        var horizon = DateOnly.FromDateTime(now.UtcDateTime).AddDays(daysBefore + 1);
        var candidates = await db.Actions.AsNoTracking()
            .Where(a => a.ApprovedAt != null && (a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress) && a.DueOn <= horizon)
            .Where(a => a.OverdueReminderFor == null || a.OverdueReminderFor != a.DueOn)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);

        foreach (var actionId in candidates)
        {
            db.ChangeTracker.Clear();
            var action = await db.Actions.FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
            var programme = action is null ? null : await db.Programmes.FindAsync([action.ProgrammeId], cancellationToken);
            if (action is null || programme is null || action.ReminderDue(DecisionFollowUp.Today(programme, now), daysBefore) is not { } kind)
            {
                continue;
            }

            action.MarkReminded(kind);
            db.AddEvent(new DecisionActionReminderTriggered(
                action.Id, action.ProgrammeId, action.MeetingId, action.RegistryNumber, action.PointNumber, action.What,
                action.OwnerKind, action.OwnerId, action.OwnerName, action.DueOn, kind, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Reminder {Kind} for action {ActionId} due {DueOn}", kind, action.Id, action.DueOn);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed by its owner meanwhile; the next pass judges its new state.
            }
        }
    }
}
