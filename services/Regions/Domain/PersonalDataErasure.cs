namespace KollegialtUtbyte.Regions.Domain;

/// <summary>One service's answer that it no longer names the person.</summary>
public sealed class PersonalDataErasureAnswer
{
    private PersonalDataErasureAnswer()
    {
    }

    internal PersonalDataErasureAnswer(string service, DateTimeOffset erasedAt)
    {
        Service = service;
        ErasedAt = erasedAt;
    }

    public string Service { get; private set; } = "";

    public DateTimeOffset ErasedAt { get; private set; }
}

/// <summary>
/// A request to erase a person (GDPR art. 17): the person herself or an administrator asks, an
/// administrator decides (the authority's duty to keep records leaves room for a refusal), and
/// once approved every service erases her and answers. Regions keeps it because it keeps the
/// directory the other services copy people from.
/// </summary>
public sealed class PersonalDataErasure : IVersioned
{
    /// <summary>The services that hold data about people; each answers once it erased her.</summary>
    public static IReadOnlyList<string> Services => PersonalDataExport.Services;

    public const int ReasonMaxLength = RegionsLimits.ErasureReasonMaxLength;

    private readonly List<PersonalDataErasureAnswer> _answers = [];

    private PersonalDataErasure()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>Who asked: the person herself or an administrator.</summary>
    public Guid? RequestedBy { get; private set; }

    public bool RequestedBySelf { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public PersonalDataErasureState State { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public long Version { get; set; }

    public IReadOnlyList<PersonalDataErasureAnswer> Answers => _answers;

    /// <summary>Still to be decided or still being carried out: a person has at most one such erasure.</summary>
    public bool IsOpen => State is PersonalDataErasureState.Requested or PersonalDataErasureState.Erasing;

    public bool IsDecided => DecidedAt is not null;

    public IEnumerable<string> Missing => Services.Where(s => _answers.All(a => a.Service != s));

    public static PersonalDataErasure Request(Guid personId, Guid? requestedBy, string? reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PersonId = personId,
        RequestedBy = requestedBy,
        RequestedBySelf = requestedBy == personId,
        Reason = Optional(reason, "reason"),
        RequestedAt = now,
        State = PersonalDataErasureState.Requested,
    };

    /// <summary>Refuses the erasure; the person is told why, so a reason is required.</summary>
    public void Decline(Guid? decidedBy, string? reason, DateTimeOffset now)
    {
        EnsureUndecided();
        DecisionReason = Optional(reason, "reason")
            ?? throw new RuleViolationException("reason", "Ett avslag måste motiveras: ange varför personens uppgifter inte raderas (reason).");
        Decide(PersonalDataErasureState.Declined, decidedBy, now);
    }

    /// <summary>Approves the erasure: from now on the services erase her and answer.</summary>
    public void Approve(Guid? decidedBy, string? reason, DateTimeOffset now)
    {
        EnsureUndecided();
        DecisionReason = Optional(reason, "reason");
        Decide(PersonalDataErasureState.Erasing, decidedBy, now);
    }

    /// <summary>
    /// Records a service's answer; returns whether it was news. A repeated answer, an answer from
    /// a service the erasure does not know, and an answer to an erasure not being carried out change nothing.
    /// </summary>
    public bool RecordErased(string service, DateTimeOffset at)
    {
        if (State != PersonalDataErasureState.Erasing || !Services.Contains(service) || _answers.Any(a => a.Service == service))
        {
            return false;
        }

        _answers.Add(new PersonalDataErasureAnswer(service, at));
        if (!Missing.Any())
        {
            State = PersonalDataErasureState.Complete;
            CompletedAt = at;
        }

        return true;
    }

    private void EnsureUndecided()
    {
        if (IsDecided)
        {
            throw new ErasureAlreadyDecidedException(State);
        }
    }

    private void Decide(PersonalDataErasureState state, Guid? decidedBy, DateTimeOffset now)
    {
        State = state;
        DecidedBy = decidedBy;
        DecidedAt = now;
    }

    private static string? Optional(string? text, string field)
    {
        var trimmed = Text.Optional(text);
        return trimmed is { Length: > ReasonMaxLength }
            ? throw new RuleViolationException(field, $"Motiveringen får vara högst {ReasonMaxLength} tecken ({field}).")
            : trimmed;
    }
}

/// <summary>An erasure is decided once; a second decision conflicts with the first (answered 409).</summary>
public sealed class ErasureAlreadyDecidedException(PersonalDataErasureState state)
    : RuleViolationException(ErasureRules.AlreadyDecided, $"Begäran om radering är redan avgjord ({state}); ett beslut kan inte ändras.");

/// <summary>The rules an erasure names in its problems.</summary>
public static class ErasureRules
{
    public const string AlreadyDecided = "erasure.already-decided";
    public const string PersonErased = "person.erased";
    public const string LastAdministrator = "erasure.last-administrator";
}
